/**
 * The app API's self-help: the knowledge base's, the assistant's and the community's calls, passed to the portal in
 * the signed-in session as the console's are. A creation carries the window's idempotency key, so a retried post is
 * one post.
 */
import type { CallInput } from '../portal/client.js';
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

export function selfHelpHandlers(session: AppSession): AppHandlersFor<'selfhelp'> {
  return {
    'selfhelp.call': async ({ endpoint, params, query, body, idempotencyKey }) =>
      (await session.signedInClient()).portal.call(endpoint, {
        params,
        query,
        body,
        idempotencyKey,
      } as CallInput<typeof endpoint>),
  };
}
