import { describe, expect, it } from 'vitest';
import { csvBlobParts, reportFileName } from '../../../renderer/src/screens/console/reports/report-file.js';

describe('a report’s CSV file', () => {
  it.each([
    ['sla', 'sla', 'hicare-sla-2026-01-2026-12.csv'],
    ['surveys', 'surveys', 'hicare-surveys-2026-01-2026-12.csv'],
    ['surveys', 'comments', 'hicare-surveys-comments-2026-01-2026-12.csv'],
  ] as const)('names %s/%s %s', (kind, table, name) => {
    expect(reportFileName(kind, table, '2026-01', '2026-12')).toBe(name);
  });

  it('starts with a byte-order mark so spreadsheets read UTF-8', () => {
    expect(csvBlobParts('a,b').join('')).toBe('\uFEFFa,b\r\n');
  });
});
