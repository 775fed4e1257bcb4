/** The app API's session, trust, contract, inventory and update-check methods, over the app session's client. */
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';
import { resolutionView } from './views.js';
import { withAppRemedy } from './app-remedies.js';

export function sessionHandlers(
  session: AppSession,
): AppHandlersFor<'session' | 'trust' | 'contracts' | 'systems' | 'updates'> {
  return {
    'session.get': () => session.view(),
    'session.signIn': ({ email, password, portalUrl }) => session.signIn(email, password, portalUrl),
    'session.signOut': () => session.signOut(),
    'trust.set': ({ rootPath }) => session.trust(rootPath),

    'contracts.list': async () => ({ contracts: await (await session.signedInClient()).contracts() }),
    'systems.list': async () => ({ systems: await (await session.signedInClient()).systems() }),
    'systems.setVersion': async ({ serialNumber, version, notInCatalog }) => {
      const client = await session.signedInClient();
      return client
        .setVersion(serialNumber, version, { notInCatalog: notInCatalog === true })
        .catch((error: unknown) => Promise.reject(withAppRemedy(error)));
    },
    'updates.check': async () => {
      const client = await session.signedInClient();
      const resolutions = await client.check();
      session.noteChecked(resolutions);
      const inventory = client.inventory.list();
      const now = session.now();
      return { resolutions: resolutions.map((r) => resolutionView(r, inventory, now)), checkedAt: now.toISOString() };
    },
  };
}
