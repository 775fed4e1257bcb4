/** How a system's installed version reads: marked when the admin entered one that is not in the vendor's catalog. */
import type { InventorySystemView } from '../../../shared/contracts/app-views.js';

export const NOT_IN_CATALOG_MARK = '(not in the catalog)';

export function installedVersionWords(system: Pick<InventorySystemView, 'installedVersion' | 'notInCatalog'>): string {
  if (system.installedVersion === null) return 'Not known';
  return system.notInCatalog === true ? `${system.installedVersion} ${NOT_IN_CATALOG_MARK}` : system.installedVersion;
}
