import { describe, expect, it } from 'vitest';
import { toCsv, toTextTable } from '../../../portal/cli/admin/output.js';

const columns = [
  { header: 'Customer', value: (r: { name: string; n: number }) => r.name },
  { header: 'Systems', value: (r: { name: string; n: number }) => r.n },
];

describe('back-office listings', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
  ])('writes %j as the CSV field %s', (name, field) => {
    expect(toCsv({ columns, rows: [{ name, n: 3 }] })).toBe(`Customer,Systems\r\n${field},3`);
  });

  it('lines a Chinese table up by terminal columns, not by characters', () => {
    const lines = toTextTable({
      columns: [
        { header: '客户', value: (r: { name: string; n: number }) => r.name },
        { header: '系统', value: (r: { name: string; n: number }) => r.n },
      ],
      rows: [
        { name: '北风贸易', n: 12 },
        { name: 'Acme', n: 3 },
      ],
    });
    expect(lines).toEqual(['客户      系统', '北风贸易  12', 'Acme      3']);
  });
});
