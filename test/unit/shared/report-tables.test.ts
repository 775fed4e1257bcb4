import { describe, expect, it } from 'vitest';
import type { SlaReport, SurveyReport } from '../../../shared/contracts/admin/reports.js';
import { toCsv } from '../../../shared/csv.js';
import { reportCsv, reportTables } from '../../../shared/reports/report-tables.js';

const sla: SlaReport = {
  from: '2026-11',
  to: '2026-11',
  customer: null,
  rows: [
    {
      month: '2026-11',
      priority: 'P2',
      accepted: 1234,
      met: 1,
      breached: 2,
      running: 1,
      medianResponseMs: 55 * 60_000,
      p90ResponseMs: null,
    },
  ],
};

describe('report tables', () => {
  it('writes figures for the reader and plain values for a spreadsheet', () => {
    const [en] = reportTables('sla', sla, 'en');
    const [zh] = reportTables('sla', sla, 'zh-CN');
    const row = sla.rows[0] as never;
    expect(en!.columns.map((c) => c.text(row))).toEqual(['Nov 2026', 'P2', '1,234', '1', '2', '1', '55 min 00 s', '—']);
    expect(zh!.columns[0]!.text(row)).toBe('2026年11月');
    expect(zh!.columns[0]!.header).toBe('月份');
    expect(reportCsv(en!).split('\r\n')).toEqual([
      'Month,Priority,Accepted,Met,Breached,Running,Median time to first contact (minutes),90th percentile (minutes)',
      '2026-11,P2,1234,1,2,1,55,',
    ]);
  });

  it('gives the surveys report a second table, its comments, with the customers’ words as data', () => {
    const surveys: SurveyReport = {
      from: '2026-11',
      to: '2026-11',
      customer: null,
      count: 1,
      averageRating: 4,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
      months: [
        { month: '2026-11', count: 1, averageRating: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } },
      ],
      comments: [
        {
          requestId: 'r1',
          number: 'TAC-2026-000001',
          customerId: 'northwind',
          customerName: 'Northwind, "Plant 1"',
          product: 'atlas',
          rating: 4,
          comment: '=SUM(A1)',
          at: '2026-11-24T10:00:00.000Z',
        },
      ],
    };
    const tables = reportTables('surveys', surveys, 'en', 'UTC');
    expect(tables.map((t) => t.id)).toEqual(['surveys', 'comments']);
    expect(tables[1]!.columns.filter((c) => c.data === true).map((c) => c.id)).toEqual([
      'request',
      'customer',
      'product',
      'comment',
    ]);
    expect(reportCsv(tables[1]!).split('\r\n')[1]).toBe(
      `2026-11-24T10:00:00.000Z,TAC-2026-000001,"Northwind, ""Plant 1""",atlas,4,'=SUM(A1)`,
    );
  });

  it.each([
    [['a'], 'H\r\na'],
    [['x,y'], 'H\r\n"x,y"'],
    [['line\nbreak'], 'H\r\n"line\nbreak"'],
    [['+1'], "H\r\n'+1"],
    [[null], 'H\r\n'],
  ])('writes CSV cells %j', (values, csv) => {
    expect(toCsv({ columns: [{ header: 'H', value: (v: string | null) => v }], rows: values })).toBe(csv);
  });
});
