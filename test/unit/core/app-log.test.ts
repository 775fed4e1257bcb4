/** The app's log file: JSON lines a log reader can parse, redacted before they are written, rotated by size. */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileLogger, RotatingFile } from '../../../electron/core/logging/index.js';

const clock = { now: () => new Date('2025-03-01T12:00:00Z') };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hicare-app-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('fileLogger', () => {
  it('writes one JSON object a line with time, level, message and fields', () => {
    const log = fileLogger(dir, { clock });
    log.info('checked for updates', { systems: 3 });
    log.warn('the portal is slow');
    log.close();
    expect(lines(join(dir, 'app.log'))).toEqual([
      { time: '2025-03-01T12:00:00.000Z', level: 'info', message: 'checked for updates', fields: { systems: 3 } },
      { time: '2025-03-01T12:00:00.000Z', level: 'warn', message: 'the portal is slow' },
    ]);
  });

  it('never writes a token, a password, an Authorization header or a grant key', () => {
    const log = fileLogger(dir, { clock });
    const token = 'hck_live_9f8e7d6c5b4a39281706';
    const grantKey = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=';
    log.error(`sign-in failed with password=Hunter2Hunter2 and Bearer ${token}`, {
      password: 'Hunter2Hunter2',
      headers: { Authorization: 'Basic dXNlcjpzZWNyZXQ=' },
      request: `GET /x\nAuthorization: Basic dXNlcjpzZWNyZXQ=`,
      env: `HICARE_GRANT_KEY=${grantKey}`,
      error: new Error(`token=${token}`),
    });
    log.close();
    const text = readFileSync(join(dir, 'app.log'), 'utf8');
    for (const secret of ['Hunter2Hunter2', token, 'dXNlcjpzZWNyZXQ=', grantKey]) expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED');
    expect(lines(join(dir, 'app.log'))).toHaveLength(1);
  });

  it('drops a line it cannot write instead of failing the caller', () => {
    const log = fileLogger(join(dir, 'app.log', 'not-a-folder'), { clock });
    // app.log is made a file first, so the logger's folder cannot be created beneath it.
    const first = fileLogger(dir, { clock });
    first.info('a file where the folder would be');
    first.close();
    expect(() => log.info('this line has nowhere to go')).not.toThrow();
  });
});

describe('RotatingFile', () => {
  const limits = { maxBytes: 1000, maxFiles: 3 };
  const line = (n: number) => `${String(n).padStart(4, '0')} ${'x'.repeat(94)}\n`; // 100 bytes

  it('starts a new file before one would pass the size, and keeps at most maxFiles', () => {
    const file = new RotatingFile(join(dir, 'app.log'), limits);
    for (let n = 0; n < 45; n++) file.write(line(n));
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(limits.maxBytes);
    // The newest lines are in app.log, the ones before in .1 and .2; the first fifteen are gone.
    expect(readFileSync(join(dir, 'app.log'), 'utf8').split('\n')[0]).toMatch(/^0040 /);
    expect(readFileSync(join(dir, 'app.log.1'), 'utf8').split('\n')[0]).toMatch(/^0030 /);
    expect(readFileSync(join(dir, 'app.log.2'), 'utf8').split('\n')[0]).toMatch(/^0020 /);
  });

  it('goes on writing into a fresh app.log when another process rotated the file away', () => {
    const file = new RotatingFile(join(dir, 'app.log'), limits);
    file.write(line(1));
    renameSync(join(dir, 'app.log'), join(dir, 'app.log.1'));
    file.write(line(2));
    file.close();
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).toBe(line(2));
    expect(readFileSync(join(dir, 'app.log.1'), 'utf8')).toBe(line(1));
  });
});
