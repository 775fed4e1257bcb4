/** The back office's handlers: the vendor's reports (./reports.ts), read-only, so nothing here is audited. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { reportsApi } from '../../shared/contracts/admin/reports.js';
import { downloadReport, requestReport, slaReport, surveyReport } from './reports.js';

export function reportHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof reportsApi> {
  return {
    reportSla: async ({ query }) => slaReport(ctx, query),
    reportSurveys: async ({ query }) => surveyReport(ctx, query),
    reportDownloads: async ({ query }) => downloadReport(ctx, query),
    reportRequests: async ({ query }) => requestReport(ctx, query),
  };
}
