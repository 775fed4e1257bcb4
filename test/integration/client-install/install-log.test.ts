/** The captured installer log: interleaved and stamped, split into lines across chunks, and bounded head + tail. */
import { describe, expect, it } from 'vitest';
import { InstallLog, type LogLine } from '../../../electron/core/install/index.js';

const fixed = () => new Date('2025-03-01T12:00:00.000Z');

describe('InstallLog', () => {
  it('stamps each line, keeps the order lines arrived in, and joins lines split across chunks', () => {
    const seen: LogLine[] = [];
    const log = new InstallLog(fixed, (line) => seen.push(line));
    log.write('stdout', Buffer.from('Installing at'));
    log.write('stderr', Buffer.from('warning: disk almost full\r\n'));
    log.write('stdout', Buffer.from('las\nDone'));
    // a multi-byte character split between two chunks survives
    const euro = Buffer.from('€ paid\n');
    log.write('stdout', euro.subarray(0, 1));
    log.write('stdout', euro.subarray(1));
    log.flush();
    expect(seen.map((l) => `${l.stream}:${l.text}`)).toEqual([
      'stderr:warning: disk almost full',
      'stdout:Installing atlas',
      'stdout:Done€ paid',
    ]);
    expect(log.text()).toBe(
      '2025-03-01T12:00:00.000Z err warning: disk almost full\n2025-03-01T12:00:00.000Z out Installing atlas\n2025-03-01T12:00:00.000Z out Done€ paid\n',
    );
  });

  it("names the first error line as the cause, without the installer's own time stamp", () => {
    const log = new InstallLog(fixed);
    log.write(
      'stderr',
      '2025-03-01T11:59:59Z note: using defaults\n2025-03-01T11:59:59Z ERROR 1603: service still running\nInstallation aborted.\n',
    );
    expect(log.cause()).toBe('ERROR 1603: service still running');
    const quiet = new InstallLog(fixed);
    quiet.write('stderr', 'something odd\nlast words\n');
    expect(quiet.cause()).toBe('last words');
  });

  it('keeps the first and the last part of a runaway log within the cap', () => {
    const cap = 64 * 1024;
    const log = new InstallLog(fixed, undefined, cap);
    for (let i = 0; i < 10_000; i++) log.write(i % 2 === 0 ? 'stdout' : 'stderr', `line ${i} ${'.'.repeat(40)}\n`);
    log.flush();
    const text = log.text();
    expect(log.truncated).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(cap + 200);
    expect(text).toContain('out line 0 ');
    expect(text).toContain('err line 9999 ');
    expect(text).toMatch(/\.\.\. \d+ lines \(\d+ bytes\) left out \.\.\./);
  });
});
