/** How the inventory's facts read. */
import type { InventorySystemView } from '../../../../shared/contracts/app-views.js';
import type { Translate } from '../../../../shared/i18n/translator.js';

export function sourceWords(source: InventorySystemView['versionSource'], t: Translate): string {
  return t(`app.systems.source.${source ?? 'unknown'}`);
}
