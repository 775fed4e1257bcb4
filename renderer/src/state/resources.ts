/** The shared resources of the signed-in account. */
import { api } from '../api.js';
import { createResource } from './resource.js';

export const contractsResource = createResource(async () => (await api.call('contracts.list', {})).contracts);
export const systemsResource = createResource(async () => (await api.call('systems.list', {})).systems);
/** The update check asks the portal and the signed catalog: slower, so screens show systems before it answers. */
export const updatesResource = createResource(() => api.call('updates.check', {}));
export const settingsResource = createResource(() => api.call('settings.get', {}));
