/** The back office's handlers: Regions: response-time tables and business calendars (./regions.ts does the work). */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { regionsApi } from '../../shared/contracts/admin/regions.js';
import { listRegions } from '../db/regions.js';
import { accountActor } from './audit.js';
import {
  addRegionCalendar,
  createRegion,
  getRegion,
  removeRegionCalendar,
  replaceRegionCalendar,
  updateRegion,
} from './regions.js';

export function regionHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof regionsApi> {
  const { db, now } = ctx;
  return {
    adminRegions: async ({ query }) => listRegions(db, query),
    adminRegion: async ({ params }) => getRegion(db, params.id),
    adminCreateRegion: async ({ body, caller, reply }) => {
      const region = await createRegion(db, accountActor(caller.account), body, now());
      reply.code(201);
      return region;
    },
    adminUpdateRegion: async ({ params, body, caller }) =>
      updateRegion(db, accountActor(caller.account), params.id, body, now()),
    adminAddRegionCalendar: async ({ params, body, caller, reply }) => {
      const region = await addRegionCalendar(db, accountActor(caller.account), params.id, body, now());
      reply.code(201);
      return region;
    },
    adminReplaceRegionCalendar: async ({ params, body, caller }) =>
      replaceRegionCalendar(db, accountActor(caller.account), params.id, params.year, body, now()),
    adminRemoveRegionCalendar: async ({ params, caller }) =>
      removeRegionCalendar(db, accountActor(caller.account), params.id, params.year, now()),
  };
}
