/**
 * `hicare-portal region` as an operator runs it: adding a region with its response times, setting and changing a
 * year of its calendar, listing it as a table, JSON or CSV, in English or Chinese; a calendar with a mistake is
 * refused with its coded reason and changes nothing, and wrong usage exits 2 with words in the reader's language.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { Region, RegionSummary } from '../../../shared/contracts/admin/regions.js';
import { cliEnv, runCli } from './cli.js';

describe('hicare-portal region', () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const run = (...args: string[]) => runCli(['region', ...args], env);
  const show = async (): Promise<Region> => JSON.parse((await run('show', 'CN', '--json')).stdout) as Region;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-cli-regions-'));
    env = cliEnv({ HICARE_PORTAL_DATA: dir, LANG: 'C' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a region and sets its 2027 calendar with holidays and a moved working day', async () => {
    const added = await run('add', 'CN', '--name', 'China', '--response', 'P3=90', '--response', 'P4=nbd');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Region CN created.');
    expect(added.stdout).toContain('P3 90 minutes');

    const set = await run(
      'calendar',
      'set',
      'CN',
      '--year',
      '2027',
      '--time-zone',
      'Asia/Shanghai',
      '--hours',
      '09:00-18:00',
      '--workdays',
      'mon-fri',
      '--holiday',
      '2027-10-01',
      '--holiday',
      '2027-10-04',
      '--working-weekend',
      '2027-09-26',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Region CN: the 2027 calendar is set.');

    // Setting the year again changes only what is given.
    const hours = await run('calendar', 'set', 'CN', '--year', '2027', '--hours', '08:30-17:30', '--json');
    expect(hours.code, hours.stderr).toBe(0);
    expect((JSON.parse(hours.stdout) as Region).calendars).toEqual([
      {
        year: 2027,
        timeZone: 'Asia/Shanghai',
        opensAt: '08:30',
        closesAt: '17:30',
        workdays: [1, 2, 3, 4, 5],
        holidays: ['2027-10-01', '2027-10-04'],
        workingWeekends: ['2027-09-26'],
      },
    ]);
  });

  it('lists regions as a table, JSON or CSV, in the reader’s language', async () => {
    const table = await run('list');
    expect(table.stdout.split('\n')[0]).toMatch(/^Id\s+Name\s+Calendar years/);
    expect(table.stdout).toMatch(/CN\s+China\s+2027/);
    const zh = await run('list', '--lang', 'zh-CN');
    expect(zh.stdout.split('\n')[0]).toMatch(/^标识\s+名称\s+日历年份/);
    const page = JSON.parse((await run('list', '--json')).stdout) as Page<RegionSummary>;
    expect(page.items).toMatchObject([{ id: 'CN', years: [2027], responseTimes: { P3: { minutes: 90 } } }]);
    const csv = await run('list', '--csv');
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^CN,China,2027,0,/);
  });

  it.each<[string, string[], string]>([
    [
      'an unknown time zone',
      ['--time-zone', 'Asia/Peking'],
      'error UNKNOWN_TIME_ZONE: "Asia/Peking" is not a known time zone.',
    ],
    ['a holiday outside its year', ['--holiday', '2028-01-01'], 'is not in 2027, the year of this calendar.'],
    ['a moved working day on a weekday', ['--working-weekend', '2027-09-29'], 'is already a working day of the week.'],
    ['hours that end before they start', ['--hours', '18:00-09:00'], 'end before they start.'],
  ])('refuses a calendar with %s (exit 1), and changes nothing', async (_name, flags, words) => {
    const before = await show();
    const refused = await run('calendar', 'set', 'CN', '--year', '2027', ...flags);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(words);
    expect(refused.stderr.split('\n')[1]?.trim().length).toBeGreaterThan(0);
    expect(await show()).toEqual(before);
  });

  it('exits 2 on wrong usage, in the reader’s language', async () => {
    const noYear = await run('calendar', 'set', 'CN', '--lang', 'zh-CN');
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('缺少 --year。');
    const days = await run('calendar', 'set', 'CN', '--year', '2027', '--workdays', 'monday-fri');
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('--workdays monday-fri: give days such as mon-fri');
    const verb = await run('rename', 'CN');
    expect(verb.code).toBe(2);
    expect(verb.stderr).toContain('Use `region list`');
  });

  it('removes a year and refuses a region that does not exist', async () => {
    const removed = await run('calendar', 'remove', 'CN', '--year', '2027');
    expect(removed.code, removed.stderr).toBe(0);
    expect((await show()).calendars).toEqual([]);
    const missing = await run('show', 'XX');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error NOT_FOUND: There is no region "XX".');
  });
});
