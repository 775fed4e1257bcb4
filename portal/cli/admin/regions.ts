/**
 * `hicare-portal region list|show|add|update|calendar`: the back office's regions from the portal's own machine,
 * through the same functions as the console's API (../../admin/regions.ts), audited as the operator.
 */
import type { CalendarYearView, Region } from '../../../shared/contracts/admin/regions.js';
import type { Weekday } from '../../../shared/domain/dates.js';
import { responseTableWords, workdaysWords } from '../../../shared/domain/region-words.js';
import type { Priority, ResponseTable } from '../../../shared/domain/sla.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import { commandLineActor } from '../../admin/audit.js';
import {
  addRegionCalendar,
  createRegion,
  getRegion,
  removeRegionCalendar,
  replaceRegionCalendar,
  updateRegion,
} from '../../admin/regions.js';
import { listRegions } from '../../db/regions.js';
import { parse } from '../commands.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, printListing, printRecord, readerT, type OutputFormat } from './output.js';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** `mon-fri`, `mon,wed,fri`, `mon-fri,sat`: the weekdays, 0 = Sunday, as the SLA rules count them. */
export function parseWorkdays(given: string, t: Translate): Weekday[] {
  const days = new Set<Weekday>();
  const index = (name: string): Weekday => {
    const i = DAY_NAMES.indexOf(name.trim().toLowerCase() as (typeof DAY_NAMES)[number]);
    if (i < 0) throw new UsageError(t('admin.regions.cli.workdays', { given }));
    return i as Weekday;
  };
  for (const part of given.split(',')) {
    const [from, to, extra] = part.split('-');
    if (from === undefined || from.trim() === '' || extra !== undefined) {
      throw new UsageError(t('admin.regions.cli.workdays', { given }));
    }
    const a = index(from);
    const b = to === undefined ? a : index(to);
    // mon-fri runs forward; sat-sun wraps over the week's end.
    for (let d = a; ; d = ((d + 1) % 7) as Weekday) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort();
}

/** `09:00-18:00` → opening and closing; their order is the domain's to judge, with its coded refusal. */
export function parseHours(given: string, t: Translate): { opensAt: string; closesAt: string } {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(given.trim());
  if (m === null) throw new UsageError(t('admin.regions.cli.hours', { given }));
  return { opensAt: m[1]!, closesAt: m[2]! };
}

/** `P3=90`, `P4=nbd`: a response table's entries. */
export function parseResponses(given: readonly string[], t: Translate): ResponseTable {
  const table: ResponseTable = {};
  for (const entry of given) {
    const m = /^(P[1-4])=(nbd|[1-9]\d{0,4})$/i.exec(entry.trim());
    if (m === null) throw new UsageError(t('admin.regions.cli.responseTime', { given: entry }));
    const priority = m[1]!.toUpperCase() as Priority;
    table[priority] =
      m[2]!.toLowerCase() === 'nbd' ? { kind: 'next-business-day' } : { kind: 'minutes', minutes: Number(m[2]) };
  }
  return table;
}

function parseYear(given: string | undefined, t: Translate): number {
  if (given === undefined) throw new UsageError(t('admin.regions.cli.missing', { flags: '--year' }));
  if (!/^\d{4}$/.test(given)) throw new UsageError(t('admin.regions.cli.year', { given }));
  return Number(given);
}

function printRegion(io: CliEnvironment, format: OutputFormat, region: Region, t: Translate, said?: string): void {
  if (said !== undefined && format === 'text') io.print(said);
  printRecord(io, format, region, [
    [t('admin.regions.id'), region.id],
    [t('admin.regions.name'), region.name],
    [t('admin.regions.overrides'), responseTableWords(region.responseTimes, t)],
    [t('admin.regions.contracts'), String(region.contracts)],
    ...region.calendars.map((c): [string, string] => [
      `${t('admin.regions.calendar.year')} ${c.year}`,
      [
        c.timeZone,
        t('admin.regions.calendar.hoursRange', { opensAt: c.opensAt, closesAt: c.closesAt }),
        workdaysWords(c.workdays, t),
        `${t('admin.regions.calendar.holidays')}: ${c.holidays.join(' ') || '-'}`,
        `${t('admin.regions.calendar.workingWeekends')}: ${c.workingWeekends.join(' ') || '-'}`,
      ].join('; '),
    ]),
  ]);
}

const LIST_FLAGS = { q: { type: 'string' }, offset: { type: 'string' }, limit: { type: 'string' } } as const;
const REGION_FLAGS = {
  name: { type: 'string' },
  response: { type: 'string', multiple: true },
  'default-times': { type: 'boolean' },
} as const;
const CALENDAR_FLAGS = {
  year: { type: 'string' },
  'time-zone': { type: 'string' },
  hours: { type: 'string' },
  workdays: { type: 'string' },
  holiday: { type: 'string', multiple: true },
  'working-weekend': { type: 'string', multiple: true },
} as const;

export async function regionCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    { ...OUTPUT_FLAGS, ...LIST_FLAGS, ...REGION_FLAGS, ...CALENDAR_FLAGS },
    3,
  );
  const t = readerT(values.lang, io.env);
  const format = outputFormat(values, t);
  const [verb, first, second] = positionals;
  const actor = commandLineActor();
  const needId = (id: string | undefined): string => {
    if (id === undefined) throw new UsageError(t('admin.regions.cli.needId'));
    return id;
  };

  switch (verb) {
    case 'list': {
      const page = await withStorage(values, io, ({ db }) =>
        listRegions(db, {
          q: values.q,
          offset: values.offset === undefined ? 0 : Number(values.offset),
          limit: values.limit === undefined ? 100 : Number(values.limit),
        }),
      );
      printListing(io, format, page, {
        columns: [
          { header: t('admin.regions.id'), value: (r) => r.id },
          { header: t('admin.regions.name'), value: (r) => r.name },
          { header: t('admin.regions.years'), value: (r) => r.years.join(' ') || t('admin.regions.noYears') },
          { header: t('admin.regions.contracts'), value: (r) => r.contracts },
          { header: t('admin.regions.overrides'), value: (r) => responseTableWords(r.responseTimes, t) },
        ],
        rows: page.items,
        ...(page.items.length === 0
          ? {}
          : {
              footer: t('admin.cli.pageFooter', {
                first: page.offset + 1,
                last: page.offset + page.items.length,
                total: page.total,
              }),
            }),
      });
      return;
    }
    case 'show': {
      const region = await withStorage(values, io, ({ db }) => getRegion(db, needId(first)));
      printRegion(io, format, region, t);
      return;
    }
    case 'add': {
      const id = needId(first);
      if (values.name === undefined) throw new UsageError(t('admin.regions.cli.missing', { flags: '--name' }));
      const responseTimes = parseResponses(values.response ?? [], t);
      const region = await withStorage(values, io, ({ db }) =>
        createRegion(db, actor, { id, name: values.name ?? '', responseTimes }, io.now()),
      );
      printRegion(io, format, region, t, t('admin.regions.cli.created', { id }));
      return;
    }
    case 'update': {
      const id = needId(first);
      const responseTimes =
        values['default-times'] === true
          ? {}
          : values.response === undefined
            ? undefined
            : parseResponses(values.response, t);
      const region = await withStorage(values, io, ({ db }) =>
        updateRegion(
          db,
          actor,
          id,
          {
            ...(values.name === undefined ? {} : { name: values.name }),
            ...(responseTimes === undefined ? {} : { responseTimes }),
          },
          io.now(),
        ),
      );
      printRegion(io, format, region, t, t('admin.regions.cli.updated', { id }));
      return;
    }
    case 'calendar':
      return calendarCommand(first, needId(second), values, io, t, format);
    default:
      throw new UsageError(t('admin.regions.cli.usage'));
  }
}

async function calendarCommand(
  action: string | undefined,
  id: string,
  values: {
    year?: string | undefined;
    'time-zone'?: string | undefined;
    hours?: string | undefined;
    workdays?: string | undefined;
    holiday?: string[] | undefined;
    'working-weekend'?: string[] | undefined;
    data?: string | undefined;
    keys?: string | undefined;
  },
  io: CliEnvironment,
  t: Translate,
  format: OutputFormat,
): Promise<void> {
  const actor = commandLineActor();
  const year = parseYear(values.year, t);
  if (action === 'remove') {
    const region = await withStorage(values, io, ({ db }) => removeRegionCalendar(db, actor, id, year, io.now()));
    printRegion(io, format, region, t, t('admin.regions.cli.calendarRemoved', { id, year: String(year) }));
    return;
  }
  if (action !== 'set') throw new UsageError(t('admin.regions.cli.calendarUsage'));
  const hours = values.hours === undefined ? undefined : parseHours(values.hours, t);
  const workdays = values.workdays === undefined ? undefined : parseWorkdays(values.workdays, t);
  const region = await withStorage(values, io, async ({ db }) => {
    const existing = (await getRegion(db, id)).calendars.find((c) => c.year === year);
    // Setting a year again changes only what is given; a new year starts from Monday to Friday, 09:00–18:00.
    const timeZone = values['time-zone'] ?? existing?.timeZone;
    if (timeZone === undefined) throw new UsageError(t('admin.regions.cli.missing', { flags: '--time-zone' }));
    const version: CalendarYearView = {
      year,
      timeZone,
      opensAt: hours?.opensAt ?? existing?.opensAt ?? '09:00',
      closesAt: hours?.closesAt ?? existing?.closesAt ?? '18:00',
      workdays: workdays ?? existing?.workdays ?? [1, 2, 3, 4, 5],
      holidays: values.holiday ?? existing?.holidays ?? [],
      workingWeekends: values['working-weekend'] ?? existing?.workingWeekends ?? [],
    };
    if (existing === undefined) return addRegionCalendar(db, actor, id, version, io.now());
    const { year: _year, ...body } = version;
    return replaceRegionCalendar(db, actor, id, year, body, io.now());
  });
  printRegion(io, format, region, t, t('admin.regions.cli.calendarSet', { id, year: String(year) }));
}
