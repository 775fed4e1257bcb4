/**
 * The app API's view of failed installations kept on this desktop: a system's last failure, with the known issues
 * that match it, stays on the system's page until a request is sent for it or the customer dismisses it.
 */
import { HicareError } from '../../../shared/errors.js';
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

export function failureHandlers(session: AppSession): AppHandlersFor<'failures'> {
  return {
    'failures.open': async ({ serialNumber }) => {
      const client = await session.signedInClient();
      const failure = await client.failures.openFor(serialNumber);
      if (failure === null) return { failure: null };
      const d = failure.details;
      return {
        failure: {
          id: failure.id,
          serialNumber: d.serialNumber,
          product: d.product,
          fromVersion: d.fromVersion,
          toVersion: d.toVersion,
          exitCode: d.exitCode,
          failedAt: d.startedAt,
          message: failure.message,
          ...(failure.key === undefined ? {} : { key: failure.key }),
          ...(failure.params === undefined ? {} : { params: failure.params }),
          knownIssues: await client.requests.knownIssues(d),
        },
      };
    },
    'failures.dismiss': async ({ failureId }) => {
      const client = await session.signedInClient();
      await client.failures.dismiss(failureId, session.now()).catch((error: unknown) => {
        if (error instanceof HicareError && error.code === 'NOT_FOUND') {
          throw new HicareError('NOT_FOUND.failureToDismiss', {}, { failureId });
        }
        throw error;
      });
      return { dismissed: true as const };
    },
  };
}
