/** Contracts, covered systems and entitlement verdicts as the portal serves them. */
import { z } from 'zod';
import { TIERS } from '../domain/contract.js';
import { VERDICT_REASON_CODES } from '../domain/verdict.js';
import { PRIORITIES } from '../domain/sla.js';
import {
  CalendarDateSchema,
  IdSchema,
  InstantSchema,
  MessageKeySchema,
  MessageParamsSchema,
  NonBlankSchema,
  ProductIdSchema,
  SerialNumberSchema,
  TimeZoneSchema,
  VersionSchema,
} from './common.js';
import { ReleaseTargetSchema, LifecycleSchema } from './catalog.js';

export const TierSchema = z.enum(TIERS);
export const ContractStatusSchema = z.enum(['pending', 'active', 'expiring', 'expired']);

export const ResponseTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minutes'), minutes: z.number().int().min(1).max(10_080) }),
  z.object({ kind: z.literal('next-business-day') }),
]);
export const ResponseTableSchema = z.partialRecord(z.enum(PRIORITIES), ResponseTargetSchema);

export const CoveredSystemSchema = z.object({
  serialNumber: SerialNumberSchema,
  product: ProductIdSchema,
  location: NonBlankSchema(200),
});

/**
 * Where a contract's service start came from (the service description's rules): the purchase order's date, 90 days
 * after shipment or the preliminary acceptance when the vendor installs, the day after the renewed contract ended, or
 * the date a tier change took effect. Rows written before it was kept have none and read as `purchase-order`.
 */
export const StartBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purchase-order') }).strict(),
  z
    .object({
      kind: z.literal('shipment'),
      shippedOn: CalendarDateSchema,
      installationServices: z.boolean(),
      /** The preliminary acceptance date; the start when installation services were bought. */
      pacOn: CalendarDateSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('renewal'), renewsContractId: IdSchema, previousEndDate: CalendarDateSchema }).strict(),
  z.object({ kind: z.literal('tier-change'), changedFromContractId: IdSchema, previousTier: z.enum(TIERS) }).strict(),
]);
export type StartBasis = z.infer<typeof StartBasisSchema>;
export const START_BASIS_KINDS = ['purchase-order', 'shipment', 'renewal', 'tier-change'] as const;

export const ContractSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  tier: TierSchema,
  region: NonBlankSchema(64),
  timeZone: TimeZoneSchema,
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema,
  systems: z.array(CoveredSystemSchema).max(10_000),
  /** The major version licensed per product; taking an upgrade past it needs Upgrade Support. */
  licensedMajors: z.record(ProductIdSchema, z.number().int().min(0)),
  /** Per region, response times that replace the service description's defaults. */
  responseTimes: z.record(z.string().max(64), ResponseTableSchema).optional(),
  holidays: z.array(CalendarDateSchema).max(400).optional(),
  /** Absent on contracts recorded before the basis was kept: they started as their purchase order stated. */
  startBasis: StartBasisSchema.optional(),
});

/** A licensed major earned by taking an upgrade: when, on which system, with which release. */
export const LicenceAdvanceSchema = z.object({
  product: ProductIdSchema,
  major: z.number().int().min(0),
  version: VersionSchema,
  serialNumber: SerialNumberSchema,
  at: InstantSchema,
});
export type LicenceAdvanceView = z.infer<typeof LicenceAdvanceSchema>;

/**
 * A contract with what the portal computed from it at the time of the response. `licensedMajors` already includes
 * the majors the customer advanced to; `licenceAdvances` says when and where each was earned.
 */
/** The calendar and response table a contract's requests are judged by (shared/domain/sla.ts calendarSummary). */
export const ContractCalendarSchema = z.object({
  region: z.string().max(64),
  /** Null when the region has no record of its own and the contract's own calendar applies. */
  name: z.string().max(200).nullable(),
  timeZone: TimeZoneSchema,
  opensAt: z.string().max(5),
  closesAt: z.string().max(5),
  /** 0 = Sunday to 6 = Saturday. */
  workdays: z.array(z.number().int().min(0).max(6)).max(7),
  holidays: z.array(CalendarDateSchema),
  workingWeekends: z.array(CalendarDateSchema),
  responseTimes: z.record(z.enum(PRIORITIES), ResponseTargetSchema),
});
export type ContractCalendar = z.infer<typeof ContractCalendarSchema>;

export const ContractViewSchema = ContractSchema.extend({
  /** Which business calendar and response times apply; the portal always sends it. */
  calendar: ContractCalendarSchema.optional(),
  status: ContractStatusSchema,
  daysLeft: z.number().int(),
  daysUntilStart: z.number().int(),
  licenceAdvances: z.array(LicenceAdvanceSchema).optional(),
});

export const VerdictReasonSchema = z.object({
  code: z.enum(VERDICT_REASON_CODES),
  message: z.string(),
  /** The one thing the customer can do about it. */
  remedy: z.string(),
  key: MessageKeySchema.optional(),
  params: MessageParamsSchema.optional(),
});

export const VerdictSchema = z.object({
  allowed: z.boolean(),
  kind: z.enum(['update', 'upgrade', 'current', 'older']),
  /** The right the release needs under the contract's licensed major. */
  requiredRight: z.enum(['update', 'upgrade']),
  reasons: z.array(VerdictReasonSchema),
  /** The contract whose rights allow (or, when refused, come closest to allowing) the release. */
  contractId: IdSchema.nullable(),
});

export const WithdrawnNoticeSchema = z.object({
  at: InstantSchema,
  reason: z.string(),
  /** When this system first downloaded it. */
  downloadedAt: InstantSchema,
});
export type WithdrawnNotice = z.infer<typeof WithdrawnNoticeSchema>;

/**
 * A release the vendor withdrew, as a customer's desktop learns it: enough to refuse it in the desktop's own verdicts
 * (RELEASE_WITHDRAWN), and which of the customer's systems downloaded it before, to show those the notice. Who
 * withdrew it stays in the back office.
 */
export const KnownWithdrawalSchema = z.object({
  product: ProductIdSchema,
  version: VersionSchema,
  at: InstantSchema,
  reason: z.string(),
  downloads: z.array(z.object({ serialNumber: SerialNumberSchema, downloadedAt: InstantSchema })),
});
export type KnownWithdrawal = z.infer<typeof KnownWithdrawalSchema>;

/** One system with its installed version and the verdict for each release of its product. */
export const SystemEntitlementSchema = z.object({
  system: CoveredSystemSchema.extend({
    installedVersion: VersionSchema.nullable(),
    platform: z.string().max(32).optional(),
  }),
  releases: z.array(
    z.object({
      target: ReleaseTargetSchema,
      verdict: VerdictSchema,
      /**
       * Present when the vendor withdrew the release after this system downloaded it: the notice not to install it.
       * Older clients ignore it; the verdict refuses the release either way (RELEASE_WITHDRAWN).
       */
      withdrawn: WithdrawnNoticeSchema.optional(),
    }),
  ),
  lifecycles: z.array(LifecycleSchema),
});

export type ContractView = z.infer<typeof ContractViewSchema>;
export type VerdictView = z.infer<typeof VerdictSchema>;
export type SystemEntitlement = z.infer<typeof SystemEntitlementSchema>;

/** A covered system with what the portal last recorded of it (reported by a desktop or entered by an admin). */
export const SystemRecordSchema = CoveredSystemSchema.extend({
  contractIds: z.array(IdSchema),
  installedVersion: VersionSchema.nullable(),
  platform: z.string().max(32).nullable(),
  /** Present (true) when the admin confirmed the version is not one of the vendor's catalog. */
  notInCatalog: z.literal(true).optional(),
});
export type SystemRecord = z.infer<typeof SystemRecordSchema>;

export const INSTALL_REPORT_KINDS = ['installed', 'entered'] as const;

/** What a desktop tells the portal after an install succeeded or an admin entered a version. */
export const InstalledReportCreateSchema = z
  .object({
    version: VersionSchema,
    how: z.enum(INSTALL_REPORT_KINDS),
    /** The admin confirmed this version is not in the vendor's catalog (equipment installed by other means). */
    notInCatalog: z.boolean().optional(),
    /** When it was installed or entered on the desktop; a report queued offline arrives later. */
    at: InstantSchema,
  })
  .strict();
export type InstalledReportCreate = z.infer<typeof InstalledReportCreateSchema>;

export const InstalledReportSchema = z.object({
  id: IdSchema,
  serialNumber: SerialNumberSchema,
  product: ProductIdSchema,
  version: VersionSchema,
  how: z.enum(INSTALL_REPORT_KINDS),
  notInCatalog: z.boolean(),
  at: InstantSchema,
  recordedAt: InstantSchema,
  /** The licence advance this report made, if it made one. */
  licenceAdvance: LicenceAdvanceSchema.nullable(),
});
export type InstalledReport = z.infer<typeof InstalledReportSchema>;
