/**
 * The app API's console: the back office's calls, passed to the portal in the signed-in session. The portal decides
 * who may call them (a portal administrator); the portal client checks what goes out and what comes back against
 * the endpoint's declared schemas.
 */
import type { CallInput } from '../portal/client.js';
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

export function consoleHandlers(session: AppSession): AppHandlersFor<'console'> {
  return {
    'console.call': async ({ endpoint, params, query, body }) =>
      (await session.signedInClient()).portal.call(endpoint, { params, query, body } as CallInput<typeof endpoint>),
  };
}
