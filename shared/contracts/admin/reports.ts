/**
 * The vendor's reports (DESIGN.md §6.2): the response-time SLA per priority and month, the satisfaction surveys,
 * downloads per contract and serial, and requests per product and version. Each covers a range of months (UTC, see
 * shared/domain/report-period.ts) and may be narrowed to one customer; the console, the API and `hicare-portal
 * report` show the same figures.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, ProductIdSchema } from '../common.js';
import { endpoint, vendorAdmin, type Endpoint } from '../endpoint.js';
import { PrioritySchema, RequestStateSchema } from '../requests.js';

const MonthSchema = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * Months as `YYYY-MM`. They are checked by reportPeriod() rather than here, so a bad month is refused with words that
 * name it ("2026-13 is not a month") instead of a pattern.
 */
export const ReportQuerySchema = z
  .object({
    from: z.string().trim().max(20).optional(),
    to: z.string().trim().max(20).optional(),
    customer: IdSchema.optional(),
  })
  .strict();
export type ReportQuery = z.input<typeof ReportQuerySchema>;

const PeriodFields = {
  from: MonthSchema,
  to: MonthSchema,
  /** The customer the report was narrowed to, if any. */
  customer: IdSchema.nullable(),
};

const Count = z.number().int().min(0);

export const SlaReportRowSchema = z.object({
  /** The month of acceptance, in UTC. */
  month: MonthSchema,
  priority: PrioritySchema,
  accepted: Count,
  /** First contact within the target. */
  met: Count,
  /** First contact after the target, or none yet and the target passed. */
  breached: Count,
  /** No first contact yet and the target still ahead. */
  running: Count,
  /** From acceptance to first contact, over the requests that had one; null when none had. */
  medianResponseMs: z.number().int().min(0).nullable(),
  p90ResponseMs: z.number().int().min(0).nullable(),
});
export const SlaReportSchema = z.object({
  ...PeriodFields,
  /** Every month of the period × P1–P4, zeros included, oldest month first. */
  rows: z.array(SlaReportRowSchema),
});

const DistributionSchema = z.object({ '1': Count, '2': Count, '3': Count, '4': Count, '5': Count });

export const SurveyMonthSchema = z.object({
  month: MonthSchema,
  count: Count,
  /** Null while nobody answered that month. */
  averageRating: z.number().nullable(),
  distribution: DistributionSchema,
});
export const SurveyCommentSchema = z.object({
  requestId: IdSchema,
  number: z.string(),
  customerId: IdSchema,
  customerName: z.string(),
  product: ProductIdSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
  at: InstantSchema,
});
export const SurveyReportSchema = z.object({
  ...PeriodFields,
  /** Over the whole period. */
  count: Count,
  averageRating: z.number().nullable(),
  distribution: DistributionSchema,
  /** One row per month of the period (by the answer's month, UTC). */
  months: z.array(SurveyMonthSchema),
  /** The answers that carry a comment, newest first. */
  comments: z.array(SurveyCommentSchema),
});

export const DownloadReportRowSchema = z.object({
  customerId: IdSchema,
  customerName: z.string(),
  /** The contract listing the serial on the day of the download; null for a system no contract lists any more. */
  contractId: IdSchema.nullable(),
  serialNumber: z.string(),
  product: ProductIdSchema,
  count: Count,
  bytes: Count,
  lastAt: InstantSchema,
  /** The versions downloaded, oldest first. */
  releases: z.array(z.string()),
});
export const DownloadReportSchema = z.object({ ...PeriodFields, rows: z.array(DownloadReportRowSchema) });

export const RequestReportRowSchema = z.object({
  product: ProductIdSchema,
  /** The version the system ran when the request was opened (an install failure's "from" version); null if unknown. */
  version: z.string().nullable(),
  total: Count,
  byState: z.record(RequestStateSchema, Count),
  byPriority: z.record(PrioritySchema, Count),
});
export const RequestReportSchema = z.object({ ...PeriodFields, rows: z.array(RequestReportRowSchema) });

export type SlaReport = z.infer<typeof SlaReportSchema>;
export type SurveyReport = z.infer<typeof SurveyReportSchema>;
export type DownloadReport = z.infer<typeof DownloadReportSchema>;
export type RequestReport = z.infer<typeof RequestReportSchema>;

export const REPORT_KINDS = ['sla', 'surveys', 'downloads', 'requests'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export interface ReportOf {
  sla: SlaReport;
  surveys: SurveyReport;
  downloads: DownloadReport;
  requests: RequestReport;
}

export const reportsApi = {
  reportSla: endpoint({
    method: 'GET',
    path: '/api/v1/admin/reports/sla',
    summary: 'Response-time SLA per month of acceptance (UTC) and priority: accepted, met, breached, time to contact',
    auth: vendorAdmin,
    query: ReportQuerySchema,
    response: SlaReportSchema,
  }),
  reportSurveys: endpoint({
    method: 'GET',
    path: '/api/v1/admin/reports/surveys',
    summary: 'Satisfaction surveys per month: count, average, rating distribution, and the comments newest first',
    auth: vendorAdmin,
    query: ReportQuerySchema,
    response: SurveyReportSchema,
  }),
  reportDownloads: endpoint({
    method: 'GET',
    path: '/api/v1/admin/reports/downloads',
    summary: 'Downloads per customer, contract and serial: count, bytes, last download, releases',
    auth: vendorAdmin,
    query: ReportQuerySchema,
    response: DownloadReportSchema,
  }),
  reportRequests: endpoint({
    method: 'GET',
    path: '/api/v1/admin/reports/requests',
    summary: 'Requests opened per product and version, counted by state and priority',
    auth: vendorAdmin,
    query: ReportQuerySchema,
    response: RequestReportSchema,
  }),
} as const satisfies Record<string, Endpoint>;

/** The endpoint answering each report. */
export const REPORT_ENDPOINTS = {
  sla: 'reportSla',
  surveys: 'reportSurveys',
  downloads: 'reportDownloads',
  requests: 'reportRequests',
} as const satisfies Record<ReportKind, keyof typeof reportsApi>;
