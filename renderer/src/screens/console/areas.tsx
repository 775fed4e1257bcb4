/**
 * The back office's areas, in the order of their tabs. Each names its list and, when records open, the screen for
 * one record (`#/console/<area>/<id>`); an address naming no area lands on the first.
 */
import type { ReactElement } from 'react';
import type { CatalogKey } from '../../../../shared/i18n/translator.js';
import { AuditArea } from './AuditArea.js';
import { ContractRecord } from './contracts/ContractRecord.js';
import { ContractsArea } from './contracts/ContractsArea.js';
import { ReportRecord, ReportsList } from './reports/ReportsArea.js';

export interface ConsoleArea {
  /** The address word: `#/console/<id>`. */
  id: string;
  labelKey: CatalogKey;
  List: () => ReactElement;
  Record?: (props: { id: string }) => ReactElement;
}

export const CONSOLE_AREAS: readonly ConsoleArea[] = [
  { id: 'audit', labelKey: 'admin.audit.area', List: AuditArea },
  { id: 'contracts', labelKey: 'admin.contracts.area', List: ContractsArea, Record: ContractRecord },
  // One address per report: `#/console/reports/sla`, `…/surveys`, `…/downloads`, `…/requests`.
  { id: 'reports', labelKey: 'admin.reports.area', List: ReportsList, Record: ReportRecord },
];
