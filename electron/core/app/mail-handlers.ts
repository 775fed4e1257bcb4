/**
 * The app API's e-mail choices: which kinds of mail the portal sends the signed-in account, read and set through
 * the portal's own endpoints, so the choice is the same whichever desktop, or unsubscribe link, made it.
 */
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';

export function mailHandlers(session: AppSession): AppHandlersFor<'mail'> {
  return {
    'mail.preferences': async () => (await session.signedInClient()).portal.call('myMailPreferences', {}),
    'mail.setPreferences': async ({ kinds }) =>
      (await session.signedInClient()).portal.call('setMyMailPreferences', { body: { kinds } }),
  };
}
