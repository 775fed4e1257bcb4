/** How the inventory's facts read. */
import type { InventorySystemView } from '../../../../shared/contracts/app-views.js';

export const SOURCE_WORDS: Record<NonNullable<InventorySystemView['versionSource']>, string> = {
  detected: 'detected on this desktop',
  entered: 'entered by an administrator',
  installed: 'installed by this app',
  portal: 'as recorded on the portal',
};

export function sourceWords(source: InventorySystemView['versionSource']): string {
  return source === null ? 'source unknown' : SOURCE_WORDS[source];
}
