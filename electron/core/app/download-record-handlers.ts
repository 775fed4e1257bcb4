/** The app API's download records: the portal's audit of who downloaded what, for the customer's admin. */
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

export function downloadRecordHandlers(session: AppSession): AppHandlersFor<'records'> {
  return {
    'records.downloads': async ({ contractId, before }) =>
      (await session.signedInClient()).portal.call('downloadRecords', {
        query: {
          limit: 50,
          ...(contractId === undefined ? {} : { contractId }),
          ...(before === undefined ? {} : { before }),
        },
      }),
  };
}
