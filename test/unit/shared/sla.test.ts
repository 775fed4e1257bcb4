import { describe, it, expect } from 'vitest';
import { HicareError } from '../../../shared/errors.js';
import {
  PRIORITIES,
  PRIORITY_DEFINITIONS,
  assertPriority,
  compareByTimeLeft,
  responseDueAt,
  responseTargetFor,
  slaStatus,
} from '../../../shared/domain/sla.js';
import type {
  BusinessCalendar,
  Priority,
  RegionalResponseTimes,
  ResponseTarget,
  SlaStatus,
} from '../../../shared/domain/sla.js';
import { codeOf } from '../../support.js';

const BERLIN: BusinessCalendar = { timeZone: 'Europe/Berlin' };
const MIN = 60_000;
const at = (iso: string): Date => new Date(iso);

describe('priority definitions', () => {
  it.each<[Priority, string, ResponseTarget]>([
    ['P1', "critical impact on the customer's business operations", { kind: 'minutes', minutes: 30 }],
    [
      'P2',
      'significant aspects of business operations negatively impacted; operations possible but degraded or severely limited',
      { kind: 'minutes', minutes: 60 },
    ],
    ['P3', 'limited impact; most business operations remain functional', { kind: 'minutes', minutes: 120 }],
    [
      'P4',
      'little or no impact; information, assistance, configuration or other enquiries',
      { kind: 'next-business-day' },
    ],
  ])('%s: definition, target and 24x7 coverage', (priority, definition, target) => {
    const d = PRIORITY_DEFINITIONS[priority];
    expect(d.label).toBe(priority);
    expect(d.definition).toBe(definition);
    expect(d.responseTarget).toEqual(target);
    expect(d.coverage).toBe('24x7');
    expect(responseTargetFor(priority)).toEqual(target);
    expect(assertPriority(priority)).toBe(priority);
  });

  it('lists exactly P1 to P4 in order', () => {
    expect([...PRIORITIES]).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Object.keys(PRIORITY_DEFINITIONS)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });
});

describe('responseDueAt: minute targets run around the clock', () => {
  it.each<[string, Priority, string, string, string]>([
    ['P1 across UTC midnight', 'P1', '2026-11-27T23:45:00Z', 'UTC', '2026-11-28T00:15:00Z'],
    ['P3 across Berlin midnight', 'P3', '2026-11-27T22:50:00Z', 'Europe/Berlin', '2026-11-28T00:50:00Z'],
    ['P2 on a Saturday night', 'P2', '2026-11-28T21:30:00Z', 'Europe/Berlin', '2026-11-28T22:30:00Z'],
    [
      'P2 across Berlin spring-forward (01:15 CET -> 03:15 CEST)',
      'P2',
      '2026-03-29T00:15:00Z',
      'Europe/Berlin',
      '2026-03-29T01:15:00Z',
    ],
    [
      'P3 across Berlin fall-back (02:30 CEST -> 03:30 CET)',
      'P3',
      '2026-10-25T00:30:00Z',
      'Europe/Berlin',
      '2026-10-25T02:30:00Z',
    ],
    [
      'P1 across Los Angeles spring-forward',
      'P1',
      '2026-03-08T09:45:00Z',
      'America/Los_Angeles',
      '2026-03-08T10:15:00Z',
    ],
    ['P1 on a Berlin holiday', 'P1', '2026-12-25T10:00:00Z', 'Europe/Berlin', '2026-12-25T10:30:00Z'],
  ])('%s', (_name, priority, accepted, timeZone, due) => {
    const calendar: BusinessCalendar = { timeZone, holidays: ['2026-12-25'] };
    expect(responseDueAt(priority, at(accepted), calendar).toISOString()).toBe(at(due).toISOString());
  });
});

describe('responseDueAt: P4 is due at closing time of the next business day', () => {
  it.each<[string, string, BusinessCalendar, string]>([
    // Berlin is UTC+1 in winter, UTC+2 in summer.
    ['Thursday -> Friday 18:00', '2026-11-26T16:00:00Z', BERLIN, '2026-11-27T17:00:00Z'],
    ['Friday 17:00 -> Monday 18:00', '2026-11-27T16:00:00Z', BERLIN, '2026-11-30T17:00:00Z'],
    ['Friday 23:30 (evening) -> Monday 18:00', '2026-11-27T22:30:00Z', BERLIN, '2026-11-30T17:00:00Z'],
    ['Saturday -> Monday 18:00', '2026-11-28T10:00:00Z', BERLIN, '2026-11-30T17:00:00Z'],
    ['Sunday 23:59 -> Monday 18:00', '2026-11-29T22:59:00Z', BERLIN, '2026-11-30T17:00:00Z'],
    ['Tuesday 06:00, before opening -> Wednesday, not Tuesday', '2026-12-01T05:00:00Z', BERLIN, '2026-12-02T17:00:00Z'],
    ['Tuesday 00:00 exactly -> Wednesday', '2026-11-30T23:00:00Z', BERLIN, '2026-12-02T17:00:00Z'],
    [
      'Thursday with Friday a holiday -> Monday',
      '2026-11-26T16:00:00Z',
      { ...BERLIN, holidays: ['2026-11-27'] },
      '2026-11-30T17:00:00Z',
    ],
    [
      'Wednesday before Christmas (24-26 off) -> Monday 28th',
      '2026-12-23T12:00:00Z',
      { ...BERLIN, holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] },
      '2026-12-28T17:00:00Z',
    ],
    [
      'Friday with Monday a holiday -> Tuesday',
      '2026-11-27T12:00:00Z',
      { ...BERLIN, holidays: ['2026-11-30'] },
      '2026-12-01T17:00:00Z',
    ],
    [
      'a holiday on a weekend changes nothing',
      '2026-11-27T12:00:00Z',
      { ...BERLIN, holidays: ['2026-11-28'] },
      '2026-11-30T17:00:00Z',
    ],
    [
      'accepted on a holiday -> next business day',
      '2026-12-25T09:00:00Z',
      { ...BERLIN, holidays: ['2026-12-25'] },
      '2026-12-28T17:00:00Z',
    ],
    ['custom closing time 16:30', '2026-11-26T10:00:00Z', { ...BERLIN, closesAt: '16:30' }, '2026-11-27T15:30:00Z'],
    ['Friday before spring-forward -> Monday 18:00 CEST', '2026-03-27T12:00:00Z', BERLIN, '2026-03-30T16:00:00Z'],
    ['Friday before fall-back -> Monday 18:00 CET', '2026-10-23T12:00:00Z', BERLIN, '2026-10-26T17:00:00Z'],
    // Shanghai is UTC+8: Thursday 20:00 UTC is already Friday 04:00 there.
    [
      'Shanghai: Friday 04:00 local (Thursday UTC) -> Monday',
      '2026-11-26T20:00:00Z',
      { timeZone: 'Asia/Shanghai' },
      '2026-11-30T10:00:00Z',
    ],
    [
      'Shanghai: Thursday 23:00 local -> Friday',
      '2026-11-26T15:00:00Z',
      { timeZone: 'Asia/Shanghai' },
      '2026-11-27T10:00:00Z',
    ],
    // Los Angeles is UTC-8 in November: Friday 05:00 UTC is still Thursday 21:00 there.
    [
      'Los Angeles: Thursday 21:00 local (Friday UTC) -> Friday',
      '2026-11-27T05:00:00Z',
      { timeZone: 'America/Los_Angeles' },
      '2026-11-28T02:00:00Z',
    ],
    [
      'Los Angeles: Friday 19:00 local (Saturday UTC) -> Monday',
      '2026-11-28T03:00:00Z',
      { timeZone: 'America/Los_Angeles' },
      '2026-12-01T02:00:00Z',
    ],
    // Riyadh is UTC+3 with a Sunday-to-Thursday week.
    [
      'Sunday-Thursday week: Thursday -> Sunday 17:00',
      '2026-11-26T08:00:00Z',
      { timeZone: 'Asia/Riyadh', workdays: [0, 1, 2, 3, 4], closesAt: '17:00' },
      '2026-11-29T14:00:00Z',
    ],
  ])('%s', (_name, accepted, calendar, due) => {
    expect(responseDueAt('P4', at(accepted), calendar).toISOString()).toBe(at(due).toISOString());
  });
});

describe('regional overrides', () => {
  const overrides: RegionalResponseTimes = {
    APAC: { P1: { kind: 'minutes', minutes: 15 }, P4: { kind: 'minutes', minutes: 240 } },
    LATAM: { P3: { kind: 'next-business-day' } },
  };

  it.each<[string, Priority, string | undefined, ResponseTarget]>([
    ['APAC P1 is overridden', 'P1', 'APAC', { kind: 'minutes', minutes: 15 }],
    ['APAC P4 is overridden', 'P4', 'APAC', { kind: 'minutes', minutes: 240 }],
    ['APAC P2 keeps the default', 'P2', 'APAC', { kind: 'minutes', minutes: 60 }],
    ['LATAM P3 becomes next business day', 'P3', 'LATAM', { kind: 'next-business-day' }],
    ['LATAM P1 keeps the default', 'P1', 'LATAM', { kind: 'minutes', minutes: 30 }],
    ['another region keeps the default', 'P1', 'EMEA', { kind: 'minutes', minutes: 30 }],
    ['no region keeps the default', 'P1', undefined, { kind: 'minutes', minutes: 30 }],
    ['region names match exactly', 'P1', 'apac', { kind: 'minutes', minutes: 30 }],
    ['inherited object members are not regions', 'P1', 'constructor', { kind: 'minutes', minutes: 30 }],
  ])('%s', (_name, priority, region, target) => {
    expect(responseTargetFor(priority, region, overrides)).toEqual(target);
  });

  it('uses the default table when no overrides are given', () => {
    expect(responseTargetFor('P2', 'APAC')).toEqual({ kind: 'minutes', minutes: 60 });
  });

  it.each<[string, Priority, string, string]>([
    ['APAC P1: 15 minutes', 'P1', 'APAC', '2026-11-27T16:15:00Z'],
    ['APAC P4: 240 minutes around the clock, not next business day', 'P4', 'APAC', '2026-11-27T20:00:00Z'],
    ['EMEA P1: default 30 minutes', 'P1', 'EMEA', '2026-11-27T16:30:00Z'],
    ['LATAM P3: next business day', 'P3', 'LATAM', '2026-11-30T17:00:00Z'],
  ])('responseDueAt honours %s', (_name, priority, region, due) => {
    expect(responseDueAt(priority, at('2026-11-27T16:00:00Z'), BERLIN, region, overrides).toISOString()).toBe(
      due.replace('Z', '.000Z'),
    );
  });
});

describe('slaStatus', () => {
  const accepted = at('2026-11-27T10:00:00Z'); // P1 due 10:30Z
  const base = { priority: 'P1' as Priority, calendar: BERLIN };
  const due = at('2026-11-27T10:30:00Z');

  it.each<[string, Date | null, Date | null, string, SlaStatus]>([
    [
      'not accepted yet',
      null,
      null,
      '2026-11-27T12:00:00Z',
      { state: 'awaiting-acceptance', dueAt: null, msLeft: null, respondedInMs: null },
    ],
    [
      'running, just accepted',
      accepted,
      null,
      '2026-11-27T10:00:00Z',
      { state: 'running', dueAt: due, msLeft: 30 * MIN, respondedInMs: null },
    ],
    [
      'running, 12 minutes in',
      accepted,
      null,
      '2026-11-27T10:12:00Z',
      { state: 'running', dueAt: due, msLeft: 18 * MIN, respondedInMs: null },
    ],
    [
      'running at the due instant',
      accepted,
      null,
      '2026-11-27T10:30:00Z',
      { state: 'running', dueAt: due, msLeft: 0, respondedInMs: null },
    ],
    [
      'breached 1 ms after due',
      accepted,
      null,
      '2026-11-27T10:30:00.001Z',
      { state: 'breached', dueAt: due, msLeft: -1, respondedInMs: null },
    ],
    [
      'breached 45 minutes over',
      accepted,
      null,
      '2026-11-27T11:15:00Z',
      { state: 'breached', dueAt: due, msLeft: -45 * MIN, respondedInMs: null },
    ],
    [
      'met early',
      accepted,
      at('2026-11-27T10:05:00Z'),
      '2026-11-27T12:00:00Z',
      { state: 'met', dueAt: due, msLeft: null, respondedInMs: 5 * MIN },
    ],
    [
      'met at the due instant',
      accepted,
      due,
      '2026-11-27T12:00:00Z',
      { state: 'met', dueAt: due, msLeft: null, respondedInMs: 30 * MIN },
    ],
    [
      'met on the acceptance instant',
      accepted,
      accepted,
      '2026-11-27T12:00:00Z',
      { state: 'met', dueAt: due, msLeft: null, respondedInMs: 0 },
    ],
    [
      'breached by a late first contact',
      accepted,
      at('2026-11-27T10:30:01Z'),
      '2026-11-27T12:00:00Z',
      { state: 'breached', dueAt: due, msLeft: null, respondedInMs: 30 * MIN + 1000 },
    ],
  ])('%s', (_name, acceptedAt, firstContactAt, now, expected) => {
    expect(slaStatus({ ...base, acceptedAt, firstContactAt }, at(now))).toEqual(expected);
  });

  it('P4 with a region override and a holiday', () => {
    const s = slaStatus(
      {
        priority: 'P4',
        acceptedAt: at('2026-11-26T16:00:00Z'),
        firstContactAt: null,
        calendar: { ...BERLIN, holidays: ['2026-11-27'] },
        region: 'EMEA',
        overrides: { APAC: { P4: { kind: 'minutes', minutes: 60 } } },
      },
      at('2026-11-30T16:00:00Z'),
    );
    expect(s).toEqual({ state: 'running', dueAt: at('2026-11-30T17:00:00Z'), msLeft: 60 * MIN, respondedInMs: null });
  });
});

describe('compareByTimeLeft', () => {
  const due = at('2026-11-27T10:30:00Z');
  const later = at('2026-11-27T11:30:00Z');
  const queue: Record<string, SlaStatus> = {
    met: { state: 'met', dueAt: due, msLeft: null, respondedInMs: 5 * MIN },
    metLater: { state: 'met', dueAt: later, msLeft: null, respondedInMs: 5 * MIN },
    awaiting: { state: 'awaiting-acceptance', dueAt: null, msLeft: null, respondedInMs: null },
    running20: { state: 'running', dueAt: due, msLeft: 20 * MIN, respondedInMs: null },
    running5: { state: 'running', dueAt: due, msLeft: 5 * MIN, respondedInMs: null },
    running0: { state: 'running', dueAt: due, msLeft: 0, respondedInMs: null },
    breached1: { state: 'breached', dueAt: due, msLeft: -1 * MIN, respondedInMs: null },
    breached90: { state: 'breached', dueAt: due, msLeft: -90 * MIN, respondedInMs: null },
    breachedAnswered: { state: 'breached', dueAt: due, msLeft: null, respondedInMs: 40 * MIN },
  };
  const expected = [
    'breached90',
    'breached1',
    'running0',
    'running5',
    'running20',
    'breachedAnswered',
    'awaiting',
    'met',
    'metLater',
  ];

  it.each<[string, string[]]>([
    ['alphabetical input', Object.keys(queue).sort()],
    ['reversed expected input', [...expected].reverse()],
    ['expected input', [...expected]],
  ])('sorts the engineers queue from %s', (_name, names) => {
    const sorted = names.map((n) => ({ n, s: queue[n]! })).sort((a, b) => compareByTimeLeft(a.s, b.s));
    expect(sorted.map((x) => x.n)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['running5', 'running20', -1],
    ['running20', 'running5', 1],
    ['breached90', 'running5', -1],
    ['awaiting', 'running20', 1],
    ['awaiting', 'met', -1],
    ['awaiting', 'awaiting', 0],
    ['running5', 'running5', 0],
  ])('%s vs %s has sign %i', (a, b, sign) => {
    expect(Math.sign(compareByTimeLeft(queue[a]!, queue[b]!))).toBe(sign);
  });
});

describe('bad input', () => {
  const ok = at('2026-11-27T10:00:00Z');
  const invalid = new Date('not a date');
  const status = (over: Partial<Parameters<typeof slaStatus>[0]>, now = ok) =>
    slaStatus({ priority: 'P1', acceptedAt: ok, firstContactAt: null, calendar: BERLIN, ...over }, now);
  const cal = (c: Partial<BusinessCalendar>): BusinessCalendar => ({ ...BERLIN, ...c });
  const bad = (o: unknown): RegionalResponseTimes => o as RegionalResponseTimes;

  it.each<[string, () => unknown, string]>([
    ["assertPriority('P5')", () => assertPriority('P5'), 'UNKNOWN_PRIORITY'],
    ["assertPriority('p1')", () => assertPriority('p1'), 'UNKNOWN_PRIORITY'],
    ["assertPriority('')", () => assertPriority(''), 'UNKNOWN_PRIORITY'],
    ["assertPriority(' P1')", () => assertPriority(' P1'), 'UNKNOWN_PRIORITY'],
    ['assertPriority(1)', () => assertPriority(1), 'UNKNOWN_PRIORITY'],
    ['assertPriority(null)', () => assertPriority(null), 'UNKNOWN_PRIORITY'],
    ['assertPriority(undefined)', () => assertPriority(undefined), 'UNKNOWN_PRIORITY'],
    ['assertPriority(1n)', () => assertPriority(1n), 'UNKNOWN_PRIORITY'],
    ['assertPriority({})', () => assertPriority({}), 'UNKNOWN_PRIORITY'],
    ["responseTargetFor('P0')", () => responseTargetFor('P0' as Priority), 'UNKNOWN_PRIORITY'],
    ["responseDueAt('p4')", () => responseDueAt('p4' as Priority, ok, BERLIN), 'UNKNOWN_PRIORITY'],
    ["slaStatus priority 'P5'", () => status({ priority: 'P5' as Priority }), 'UNKNOWN_PRIORITY'],
    [
      "slaStatus priority 'P5' before acceptance",
      () => status({ priority: 'P5' as Priority, acceptedAt: null }),
      'UNKNOWN_PRIORITY',
    ],
    ['unknown time zone', () => responseDueAt('P4', ok, { timeZone: 'Mars/Olympus_Mons' }), 'UNKNOWN_TIME_ZONE'],
    ['misspelt time zone', () => responseDueAt('P1', ok, { timeZone: 'Europe/Berlinn' }), 'UNKNOWN_TIME_ZONE'],
    ['empty time zone', () => responseDueAt('P1', ok, { timeZone: '' }), 'UNKNOWN_TIME_ZONE'],
    [
      'unknown time zone before acceptance',
      () => status({ acceptedAt: null, calendar: { timeZone: 'Nowhere/Town' } }),
      'UNKNOWN_TIME_ZONE',
    ],
    ['holiday 2026-02-30', () => responseDueAt('P4', ok, cal({ holidays: ['2026-02-30'] })), 'INVALID_DATE'],
    ['holiday 27.11.2026', () => responseDueAt('P4', ok, cal({ holidays: ['27.11.2026'] })), 'INVALID_DATE'],
    [
      'holiday 2026-11-27T00:00',
      () => responseDueAt('P4', ok, cal({ holidays: ['2026-11-27T00:00'] })),
      'INVALID_DATE',
    ],
    [
      'holiday as a number',
      () => responseDueAt('P4', ok, cal({ holidays: [20261127 as unknown as string] })),
      'INVALID_DATE',
    ],
    [
      'malformed holiday is caught for minute targets too',
      () => responseDueAt('P1', ok, cal({ holidays: ['2026-13-01'] })),
      'INVALID_DATE',
    ],
    [
      'holidays not a list',
      () => responseDueAt('P4', ok, cal({ holidays: '2026-11-27' as unknown as string[] })),
      'INVALID_INPUT',
    ],
    ["opensAt '9:00'", () => responseDueAt('P4', ok, cal({ opensAt: '9:00' })), 'INVALID_INPUT'],
    ["closesAt '24:00'", () => responseDueAt('P4', ok, cal({ closesAt: '24:00' })), 'INVALID_INPUT'],
    ["closesAt '18:60'", () => responseDueAt('P4', ok, cal({ closesAt: '18:60' })), 'INVALID_INPUT'],
    ["closesAt '1800'", () => responseDueAt('P4', ok, cal({ closesAt: '1800' })), 'INVALID_INPUT'],
    ["closesAt ''", () => responseDueAt('P4', ok, cal({ closesAt: '' })), 'INVALID_INPUT'],
    ["closesAt '6pm'", () => responseDueAt('P4', ok, cal({ closesAt: '6pm' })), 'INVALID_INPUT'],
    [
      'opens after closes',
      () => responseDueAt('P4', ok, cal({ opensAt: '18:00', closesAt: '09:00' })),
      'INVALID_INPUT',
    ],
    [
      'opens equal to closes',
      () => responseDueAt('P4', ok, cal({ opensAt: '12:00', closesAt: '12:00' })),
      'INVALID_INPUT',
    ],
    [
      'default opening after a custom close',
      () => responseDueAt('P4', ok, cal({ closesAt: '08:00' })),
      'INVALID_INPUT',
    ],
    ['no workdays', () => responseDueAt('P4', ok, cal({ workdays: [] })), 'INVALID_INPUT'],
    ['workday 7', () => responseDueAt('P4', ok, cal({ workdays: [1, 7] as never })), 'INVALID_INPUT'],
    ['calendar missing', () => responseDueAt('P4', ok, undefined as unknown as BusinessCalendar), 'INVALID_INPUT'],
    [
      'override 0 minutes',
      () => responseTargetFor('P1', 'APAC', { APAC: { P1: { kind: 'minutes', minutes: 0 } } }),
      'INVALID_INPUT',
    ],
    [
      'override -15 minutes',
      () => responseTargetFor('P1', 'APAC', { APAC: { P1: { kind: 'minutes', minutes: -15 } } }),
      'INVALID_INPUT',
    ],
    [
      'override 1.5 minutes',
      () => responseTargetFor('P1', 'APAC', { APAC: { P1: { kind: 'minutes', minutes: 1.5 } } }),
      'INVALID_INPUT',
    ],
    [
      'override NaN minutes',
      () => responseTargetFor('P1', 'APAC', { APAC: { P1: { kind: 'minutes', minutes: Number.NaN } } }),
      'INVALID_INPUT',
    ],
    [
      'override Infinity minutes',
      () => responseTargetFor('P1', 'APAC', { APAC: { P1: { kind: 'minutes', minutes: Infinity } } }),
      'INVALID_INPUT',
    ],
    [
      "override '30' minutes",
      () => responseTargetFor('P1', 'APAC', bad({ APAC: { P1: { kind: 'minutes', minutes: '30' } } })),
      'INVALID_INPUT',
    ],
    [
      'override without minutes',
      () => responseTargetFor('P1', 'APAC', bad({ APAC: { P1: { kind: 'minutes' } } })),
      'INVALID_INPUT',
    ],
    [
      "override kind 'hours'",
      () => responseTargetFor('P1', 'APAC', bad({ APAC: { P1: { kind: 'hours', hours: 1 } } })),
      'INVALID_INPUT',
    ],
    ['override null', () => responseTargetFor('P1', 'APAC', bad({ APAC: { P1: null } })), 'INVALID_INPUT'],
    [
      'override for unknown priority P5',
      () => responseTargetFor('P1', 'APAC', bad({ APAC: { P5: { kind: 'minutes', minutes: 5 } } })),
      'INVALID_INPUT',
    ],
    ['region table not an object', () => responseTargetFor('P1', 'APAC', bad({ APAC: 15 })), 'INVALID_INPUT'],
    [
      "malformed entry in the region's other priority",
      () => responseTargetFor('P2', 'APAC', { APAC: { P1: { kind: 'minutes', minutes: 0 } } }),
      'INVALID_INPUT',
    ],
    [
      'malformed override via responseDueAt',
      () => responseDueAt('P1', ok, BERLIN, 'APAC', { APAC: { P1: { kind: 'minutes', minutes: -1 } } }),
      'INVALID_INPUT',
    ],
    [
      'malformed override via slaStatus',
      () => status({ region: 'APAC', overrides: { APAC: { P1: { kind: 'minutes', minutes: 2.5 } } } }),
      'INVALID_INPUT',
    ],
    [
      'first contact before acceptance',
      () => status({ firstContactAt: at('2026-11-27T09:59:59.999Z') }),
      'INVALID_INPUT',
    ],
    ['first contact without acceptance', () => status({ acceptedAt: null, firstContactAt: ok }), 'INVALID_INPUT'],
    ['invalid acceptedAt (responseDueAt)', () => responseDueAt('P1', invalid, BERLIN), 'INVALID_INSTANT'],
    ['invalid acceptedAt (slaStatus)', () => status({ acceptedAt: invalid }), 'INVALID_INSTANT'],
    ['invalid firstContactAt', () => status({ firstContactAt: invalid }), 'INVALID_INSTANT'],
    ['invalid now', () => status({}, invalid), 'INVALID_INSTANT'],
    ['invalid now before acceptance', () => status({ acceptedAt: null }, invalid), 'INVALID_INSTANT'],
    [
      'acceptedAt not a Date',
      () => responseDueAt('P1', '2026-11-27T10:00:00Z' as unknown as Date, BERLIN),
      'INVALID_INSTANT',
    ],
  ])('%s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('a malformed override in another region does not matter', () => {
    expect(responseTargetFor('P1', 'EMEA', { APAC: { P1: { kind: 'minutes', minutes: 0 } } })).toEqual({
      kind: 'minutes',
      minutes: 30,
    });
  });

  it('the UNKNOWN_PRIORITY remedy lists P1 to P4', () => {
    try {
      assertPriority('P5');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HicareError);
      expect((e as HicareError).remedy).toContain('P1, P2, P3, P4');
    }
  });
});
