/**
 * The demo's regions: EMEA kept on Berlin's calendar, and CN on Shanghai's with the 2027 public holidays and the
 * weekend days worked in exchange for them, so a P4 accepted before National Day can be followed to its due day.
 */
import type { Kysely } from 'kysely';
import type { CalendarYearView, RegionCreate } from '../../shared/contracts/admin/regions.js';
import { addDays } from '../../shared/domain/dates.js';
import type { AdminActor } from '../admin/audit.js';
import { addRegionCalendar, createRegion } from '../admin/regions.js';
import type { Database } from '../db/schema.js';

const days = (from: string, count: number): string[] => Array.from({ length: count }, (_, i) => addDays(from, i));

export const DEMO_REGIONS: readonly (RegionCreate & { calendars: CalendarYearView[] })[] = [
  {
    id: 'EMEA',
    name: 'Europe, Middle East and Africa',
    calendars: [
      {
        year: 2027,
        timeZone: 'Europe/Berlin',
        opensAt: '09:00',
        closesAt: '18:00',
        workdays: [1, 2, 3, 4, 5],
        // New Year, Good Friday, Easter Monday, Labour Day, Ascension, Whit Monday, German Unity, Christmas.
        holidays: [
          '2027-01-01',
          '2027-03-26',
          '2027-03-29',
          '2027-05-01',
          '2027-05-06',
          '2027-05-17',
          '2027-10-03',
          '2027-12-24',
          '2027-12-25',
          '2027-12-26',
          '2027-12-31',
        ],
        workingWeekends: [],
      },
    ],
  },
  {
    id: 'CN',
    name: 'China',
    responseTimes: { P3: { kind: 'minutes', minutes: 90 } },
    calendars: [
      {
        year: 2027,
        timeZone: 'Asia/Shanghai',
        opensAt: '09:00',
        closesAt: '18:00',
        workdays: [1, 2, 3, 4, 5],
        holidays: [
          '2027-01-01',
          // Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day.
          ...days('2027-02-05', 7),
          ...days('2027-04-03', 3),
          ...days('2027-05-01', 5),
          '2027-06-09',
          '2027-09-15',
          ...days('2027-10-01', 7),
        ],
        workingWeekends: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
      },
    ],
  },
];

export async function seedDemoRegions(db: Kysely<Database>, actor: AdminActor, now: Date): Promise<void> {
  for (const { calendars, ...region } of DEMO_REGIONS) {
    await createRegion(db, actor, region, now);
    for (const calendar of calendars) await addRegionCalendar(db, actor, region.id, calendar, now);
  }
}
