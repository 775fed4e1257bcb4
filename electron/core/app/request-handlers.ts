/**
 * The app API's remote-guidance methods: a draft from a failed installation (known issues first, secrets redacted),
 * sending through the outbox (kept on this desktop while the portal is unreachable), and the calls that follow a
 * request through its life, each one endpoint of the portal's API.
 */
import { assertActionNote } from '../../../shared/domain/solution.js';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/requests.js';
import { attachmentTooLarge } from '../../../shared/domain/attachment-type.js';
import { HicareError } from '../../../shared/errors.js';
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a file sent by the page, refusing one too large before decoding it. */
function decodeAttachment(fileName: string, dataBase64: string): Buffer {
  if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) {
    throw new HicareError('INVALID_INPUT.attachmentIncomplete', { fileName });
  }
  const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  const size = (dataBase64.length / 4) * 3 - padding;
  if (size > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(size, fileName);
  return Buffer.from(dataBase64, 'base64');
}

export function requestHandlers(session: AppSession): AppHandlersFor<'requests'> {
  const portal = async () => (await session.signedInClient()).portal;
  return {
    'requests.draft': async ({ failureId, priority }) => {
      const client = await session.signedInClient();
      const failure = await client.failures.get(failureId).catch((error: unknown) => {
        if (error instanceof HicareError && error.code === 'NOT_FOUND') {
          throw new HicareError('NOT_FOUND.failureToDraft', {}, { failureId });
        }
        throw error;
      });
      return client.requests.draft(failure, priority);
    },
    'requests.stageAttachment': async ({ fileName, dataBase64 }) =>
      (await session.signedInClient()).requests.outbox.stage(fileName, decodeAttachment(fileName, dataBase64)),
    'requests.submit': async ({ request, idempotencyKey, attachments }) =>
      (await session.signedInClient()).requests.submit(request, idempotencyKey, attachments),
    'requests.outbox': async () => ({ entries: await (await session.signedInClient()).requests.outbox.list() }),
    'requests.discard': async ({ idempotencyKey }) => {
      const { outbox } = (await session.signedInClient()).requests;
      await outbox.discard(idempotencyKey);
      return { entries: await outbox.list() };
    },
    'requests.list': async ({ state }) => {
      const client = await session.signedInClient();
      // Whatever waited in the outbox goes first, so the list shows it.
      await client.requests.flush().catch(() => undefined);
      return client.portal.call('listRequests', { query: state === undefined ? {} : { state } });
    },
    'requests.get': async ({ id }) => (await portal()).call('getRequest', { params: { id } }),
    'requests.act': async ({ id, action }) =>
      (await portal()).call('actOnRequest', { params: { id }, body: { action } }),
    'requests.take': async ({ id }) => (await portal()).call('takeRequest', { params: { id } }),
    'requests.message': async ({ id, body }) =>
      (await portal()).call('postMessage', { params: { id }, body: { body } }),
    'requests.grant': async ({ id, grant }) => (await portal()).call('createGrant', { params: { id }, body: grant }),
    'requests.revokeGrant': async ({ grantId }) => (await portal()).call('revokeGrant', { params: { id: grantId } }),
    'requests.grantPassword': async ({ grantId }) =>
      (await portal()).call('readGrantPassword', { params: { id: grantId } }),
    'requests.proposeSolution': async ({ id, text, attachment }) => {
      const client = await portal();
      // Refused before the file goes up, so a blank proposal leaves nothing behind on the request.
      assertActionNote('propose-solution', { solution: { text } });
      const attached =
        attachment === undefined
          ? undefined
          : await client.call('uploadAttachment', { params: { id }, body: attachment });
      const solution = attached === undefined ? { text } : { text, attachmentId: attached.id };
      return client.call('actOnRequest', { params: { id }, body: { action: 'propose-solution', solution } });
    },
    'requests.rejectSolution': async ({ id, reason }) =>
      (await portal()).call('actOnRequest', { params: { id }, body: { action: 'reject-solution', reason } }),
    'requests.survey': async ({ id, survey }) =>
      (await portal()).call('answerSurvey', { params: { id }, body: survey }),
  };
}
