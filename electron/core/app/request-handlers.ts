/**
 * The app API's remote-guidance methods: a draft from a failed installation (known issues first, secrets redacted),
 * sending through the outbox (kept on this desktop while the portal is unreachable), and the calls that follow a
 * request through its life, each one endpoint of the portal's API.
 */
import { assertActionNote } from '../../../shared/domain/solution.js';
import { HicareError } from '../../../shared/errors.js';
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

export function requestHandlers(session: AppSession): AppHandlersFor<'requests'> {
  const portal = async () => (await session.signedInClient()).portal;
  return {
    'requests.draft': async ({ failureId, priority }) => {
      const client = await session.signedInClient();
      const failure = await client.failures.get(failureId).catch((error: unknown) => {
        if (error instanceof HicareError && error.code === 'NOT_FOUND') {
          throw new HicareError('NOT_FOUND', 'That failed installation is not recorded on this desktop.', 'Describe the fault yourself in a new request.', { failureId });
        }
        throw error;
      });
      return client.requests.draft(failure.details, priority);
    },
    'requests.submit': async ({ request, idempotencyKey }) => (await session.signedInClient()).requests.submit(request, idempotencyKey),
    'requests.list': async ({ state }) => {
      const client = await session.signedInClient();
      // Whatever waited in the outbox goes first, so the list shows it.
      await client.requests.flush().catch(() => undefined);
      return client.portal.call('listRequests', { query: state === undefined ? {} : { state } });
    },
    'requests.get': async ({ id }) => (await portal()).call('getRequest', { params: { id } }),
    'requests.act': async ({ id, action }) => (await portal()).call('actOnRequest', { params: { id }, body: { action } }),
    'requests.take': async ({ id }) => (await portal()).call('takeRequest', { params: { id } }),
    'requests.message': async ({ id, body }) => (await portal()).call('postMessage', { params: { id }, body: { body } }),
    'requests.grant': async ({ id, grant }) => (await portal()).call('createGrant', { params: { id }, body: grant }),
    'requests.revokeGrant': async ({ grantId }) => (await portal()).call('revokeGrant', { params: { id: grantId } }),
    'requests.grantPassword': async ({ grantId }) => (await portal()).call('readGrantPassword', { params: { id: grantId } }),
    'requests.proposeSolution': async ({ id, text, attachment }) => {
      const client = await portal();
      // Refused before the file goes up, so a blank proposal leaves nothing behind on the request.
      assertActionNote('propose-solution', { solution: { text } });
      const attached = attachment === undefined ? undefined : await client.call('uploadAttachment', { params: { id }, body: attachment });
      const solution = attached === undefined ? { text } : { text, attachmentId: attached.id };
      return client.call('actOnRequest', { params: { id }, body: { action: 'propose-solution', solution } });
    },
    'requests.rejectSolution': async ({ id, reason }) => (await portal()).call('actOnRequest', { params: { id }, body: { action: 'reject-solution', reason } }),
    'requests.survey': async ({ id, survey }) => (await portal()).call('answerSurvey', { params: { id }, body: survey }),
  };
}
