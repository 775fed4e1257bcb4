/** How a system's installed version reads: marked when the admin entered one that is not in the vendor's catalog. */
import type { InventorySystemView } from '../../../shared/contracts/app-views.js';
import { translator } from '../../../shared/i18n/translator.js';
import { currentLocale } from '../i18n/index.js';

export function installedVersionWords(system: Pick<InventorySystemView, 'installedVersion' | 'notInCatalog'>): string {
  const t = translator(currentLocale());
  if (system.installedVersion === null) return t('app.shell.installed.unknown');
  return system.notInCatalog === true
    ? t('app.shell.installed.notInCatalog', { version: system.installedVersion })
    : system.installedVersion;
}
