/**
 * The back office's areas, in the order of their tabs. Each names its list and, when records open, the screen for
 * one record (`#/console/<area>/<id>`); an address naming no area lands on the first.
 */
import type { ReactElement } from 'react';
import type { CatalogKey } from '../../../../shared/i18n/translator.js';
import { ArticleRecord } from './articles/ArticleRecord.js';
import { ArticlesArea } from './articles/ArticlesArea.js';
import { AuditArea } from './AuditArea.js';
import { ContractRecord } from './contracts/ContractRecord.js';
import { ContractsArea } from './contracts/ContractsArea.js';
import { ReportRecord, ReportsList } from './reports/ReportsArea.js';
import { AccountRecord, AccountsList } from './customers/AccountsArea.js';
import { CustomerRecord, CustomersList } from './customers/CustomersArea.js';
import { SystemRecordScreen, SystemsList } from './customers/SystemsArea.js';
import { MailArea } from './mail/MailArea.js';
import { RegionRecord } from './regions/RegionRecord.js';
import { RegionsArea } from './regions/RegionsArea.js';
import { LinesArea } from './releases/LinesArea.js';
import { ReleaseRecord } from './releases/ReleaseRecord.js';
import { ReleasesArea } from './releases/ReleasesArea.js';

export interface ConsoleArea {
  /** The address word: `#/console/<id>`. */
  id: string;
  labelKey: CatalogKey;
  List: () => ReactElement;
  Record?: (props: { id: string }) => ReactElement;
}

// The service desk's order: who the customers are, what they bought, the rules and releases, then what happened.
export const CONSOLE_AREAS: readonly ConsoleArea[] = [
  { id: 'customers', labelKey: 'admin.customers.areaCustomers', List: CustomersList, Record: CustomerRecord },
  { id: 'accounts', labelKey: 'admin.customers.areaAccounts', List: AccountsList, Record: AccountRecord },
  { id: 'contracts', labelKey: 'admin.contracts.area', List: ContractsArea, Record: ContractRecord },
  { id: 'systems', labelKey: 'admin.customers.areaSystems', List: SystemsList, Record: SystemRecordScreen },
  { id: 'regions', labelKey: 'admin.regions.area', List: RegionsArea, Record: RegionRecord },
  // A release's address is `product@version`: `#/console/releases/atlas@1.9.0`.
  { id: 'releases', labelKey: 'admin.releases.area', List: ReleasesArea, Record: ReleaseRecord },
  { id: 'lines', labelKey: 'admin.releases.linesArea', List: LinesArea },
  // One address per report: `#/console/reports/sla`, `…/surveys`, `…/downloads`, `…/requests`.
  { id: 'reports', labelKey: 'admin.reports.area', List: ReportsList, Record: ReportRecord },
  { id: 'articles', labelKey: 'admin.articles.area', List: ArticlesArea, Record: ArticleRecord },
  { id: 'mail', labelKey: 'admin.mail.area', List: MailArea },
  { id: 'audit', labelKey: 'admin.audit.area', List: AuditArea },
];
