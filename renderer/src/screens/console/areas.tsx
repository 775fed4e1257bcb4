/**
 * The back office's areas, in the order of their tabs. Each names its list and, when records open, the screen for
 * one record (`#/console/<area>/<id>`); an address naming no area lands on the first.
 */
import type { ReactElement } from 'react';
import type { CatalogKey } from '../../../../shared/i18n/translator.js';
import { AuditArea } from './AuditArea.js';
import { RegionRecord } from './regions/RegionRecord.js';
import { RegionsArea } from './regions/RegionsArea.js';

export interface ConsoleArea {
  /** The address word: `#/console/<id>`. */
  id: string;
  labelKey: CatalogKey;
  List: () => ReactElement;
  Record?: (props: { id: string }) => ReactElement;
}

export const CONSOLE_AREAS: readonly ConsoleArea[] = [
  { id: 'regions', labelKey: 'admin.regions.area', List: RegionsArea, Record: RegionRecord },
  { id: 'audit', labelKey: 'admin.audit.area', List: AuditArea },
];
