/**
 * The back office's regions (DESIGN.md §3.6): per region a response-time table that overrides P1–P4 and a business
 * calendar kept as yearly versions (shared/domain/sla.ts says why a year). A contract names its region by id.
 */
import { z } from 'zod';
import { CalendarDateSchema, InstantSchema, NonBlankSchema } from '../common.js';
import { endpoint, vendorAdmin } from '../endpoint.js';
import { ResponseTableSchema } from '../entitlement.js';
import { ListQuerySchema, pageOf } from './paging.js';

/** A region id is part of an address (`/regions/CN`), so it keeps to letters, digits and a few marks. */
export const RegionIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

export const HhMmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** 0 = Sunday to 6 = Saturday, as the SLA rules count them. */
export const WeekdaySchema = z.union(
  [0, 1, 2, 3, 4, 5, 6].map((d) => z.literal(d)) as [
    z.ZodLiteral<0>,
    z.ZodLiteral<1>,
    z.ZodLiteral<2>,
    z.ZodLiteral<3>,
    z.ZodLiteral<4>,
    z.ZodLiteral<5>,
    z.ZodLiteral<6>,
  ],
);

/**
 * One year of a region's calendar as it is sent: the rules that the shape alone cannot say (a known zone, hours in
 * order, a working week, dates inside the year, moved working days on days off) are the domain's, so the portal and
 * the console refuse them with the same coded reasons.
 */
export const CalendarYearBodySchema = z
  .object({
    timeZone: z.string().trim().min(1).max(64),
    opensAt: HhMmSchema,
    closesAt: HhMmSchema,
    workdays: z.array(WeekdaySchema).max(7),
    holidays: z.array(CalendarDateSchema).max(366),
    /** Days off the weekly pattern worked all the same (a Saturday moved next to a holiday block). */
    workingWeekends: z.array(CalendarDateSchema).max(366),
  })
  .strict();
export const CalendarYearSchema = CalendarYearBodySchema.extend({ year: z.number().int() }).strict();
export type CalendarYearBody = z.infer<typeof CalendarYearBodySchema>;
export type CalendarYearView = z.infer<typeof CalendarYearSchema>;

export const RegionSchema = z.object({
  id: RegionIdSchema,
  name: NonBlankSchema(200),
  /** The priorities this region answers differently from the service description; the others keep its times. */
  responseTimes: ResponseTableSchema,
  /** Oldest year first. */
  calendars: z.array(CalendarYearSchema),
  /** How many contracts name this region. */
  contracts: z.number().int().min(0),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionSummarySchema = RegionSchema.pick({
  id: true,
  name: true,
  responseTimes: true,
  contracts: true,
  updatedAt: true,
}).extend({ years: z.array(z.number().int()) });
export type RegionSummary = z.infer<typeof RegionSummarySchema>;

export const RegionCreateSchema = z
  .object({ id: RegionIdSchema, name: NonBlankSchema(200), responseTimes: ResponseTableSchema.optional() })
  .strict();
export const RegionUpdateSchema = z
  .object({ name: NonBlankSchema(200).optional(), responseTimes: ResponseTableSchema.optional() })
  .strict();
export type RegionCreate = z.infer<typeof RegionCreateSchema>;
export type RegionUpdate = z.infer<typeof RegionUpdateSchema>;

const RegionParams = z.object({ id: RegionIdSchema }).strict();
const CalendarParams = z.object({ id: RegionIdSchema, year: z.coerce.number().int().min(1).max(9999) }).strict();

export const regionsApi = {
  adminRegions: endpoint({
    method: 'GET',
    path: '/api/v1/admin/regions',
    summary: 'Regions, by id, searchable by id and name',
    auth: vendorAdmin,
    query: ListQuerySchema,
    response: pageOf(RegionSummarySchema),
  }),
  adminRegion: endpoint({
    method: 'GET',
    path: '/api/v1/admin/regions/:id',
    summary: 'One region: its response-time table and its calendar, year by year',
    auth: vendorAdmin,
    params: RegionParams,
    response: RegionSchema,
  }),
  adminCreateRegion: endpoint({
    method: 'POST',
    path: '/api/v1/admin/regions',
    summary: 'Creates a region; contracts naming its id are judged by it from then on',
    auth: vendorAdmin,
    body: RegionCreateSchema,
    response: RegionSchema,
  }),
  adminUpdateRegion: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/regions/:id',
    summary: 'Renames a region or replaces its response-time table',
    auth: vendorAdmin,
    params: RegionParams,
    body: RegionUpdateSchema,
    response: RegionSchema,
  }),
  adminAddRegionCalendar: endpoint({
    method: 'POST',
    path: '/api/v1/admin/regions/:id/calendars',
    summary: 'Adds a year to a region’s business calendar',
    auth: vendorAdmin,
    params: RegionParams,
    body: CalendarYearSchema,
    response: RegionSchema,
  }),
  adminReplaceRegionCalendar: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/regions/:id/calendars/:year',
    summary: 'Replaces one year of a region’s business calendar',
    auth: vendorAdmin,
    params: CalendarParams,
    body: CalendarYearBodySchema,
    response: RegionSchema,
  }),
  adminRemoveRegionCalendar: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/regions/:id/calendars/:year',
    summary: 'Removes one year of a region’s business calendar',
    auth: vendorAdmin,
    params: CalendarParams,
    response: RegionSchema,
  }),
} as const;
