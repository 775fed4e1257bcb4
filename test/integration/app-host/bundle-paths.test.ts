/**
 * The paths a window types for the download folder, bundle exports and bundle imports: each bad one is refused with
 * a coded error in plain words (no system error names) and writes nothing — no settings change, no file, no folder,
 * no install log. A good download folder is kept, and a bulk download lands there under the package's real name.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../shared/errors.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { INTERNAL_TEXT } from '../client-cli/run-hicare.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';
const BEACON = 'beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz';
const SELECTION = { serials: ['CG-BCN-0001'], targets: [BEACON], exportId: 'export-0001' };

let demo: DemoPortal;
let app: AppUnderTest;
let scratch: string;

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo);
  await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
  scratch = join(demo.dir, 'paths');
  mkdirSync(scratch);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

const settingsFile = (): string => readFileSync(join(app.dataDirectory, 'settings.json'), 'utf8');

/** A refusal a person can read: its code, a plain message and a remedy, no system error names. */
function plain(error: ErrorBody, code: string): void {
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/\S/);
  expect(error.remedy).toMatch(/\S/);
  expect(`${error.message} ${error.remedy}`).not.toMatch(INTERNAL_TEXT);
}

describe('the download folder', () => {
  it('is <data>/downloads until one is chosen', async () => {
    await expect(app.call('downloads.folder', {})).resolves.toEqual({
      folder: join(app.dataDirectory, 'downloads'),
      isDefault: true,
    });
  });

  it.each<[string, () => string, string, RegExp]>([
    ['a relative path', () => 'downloads/site', 'INVALID_INPUT', /full path/],
    [
      'a file',
      () => {
        const file = join(scratch, 'a-file');
        writeFileSync(file, 'x');
        return file;
      },
      'NOT_FOUND',
      /not a folder|is a file/i,
    ],
    ['a folder below a file', () => join(scratch, 'a-file', 'below'), 'NOT_FOUND', /\S/],
  ])('refuses %s and keeps the folder it had', async (_what, path, code, words) => {
    const before = settingsFile();
    const folder = path();
    const error = await app.refused('downloads.setFolder', { folder });
    plain(error, code);
    expect(error.message).toMatch(words);
    expect(settingsFile()).toBe(before);
    expect((await app.call('downloads.folder', {})).isDefault).toBe(true);
  });

  it('refuses a path with a NUL and an overlong one before looking at the disk', async () => {
    for (const folder of [`${scratch}/x\u0000y`, `/${'x'.repeat(5_000)}`]) {
      plain(await app.refused('downloads.setFolder', { folder }), 'INVALID_INPUT');
    }
  });

  it('keeps a new folder (made for it), and goes back to the default on null', async () => {
    const chosen = join(scratch, 'site-north', 'packages');
    await expect(app.call('downloads.setFolder', { folder: chosen })).resolves.toEqual({
      folder: chosen,
      isDefault: false,
    });
    expect(existsSync(chosen)).toBe(true);
    expect(JSON.parse(settingsFile())).toMatchObject({ settings: { downloadDirectory: chosen } });
    await expect(app.call('downloads.setFolder', { folder: null })).resolves.toMatchObject({ isDefault: true });
  });

  it('puts a bulk download there under the package’s real name, and says so', async () => {
    const chosen = join(scratch, 'bulk');
    await app.call('downloads.setFolder', { folder: chosen });
    const started = await app.call('downloads.start', {
      targetName: BEACON,
      serialNumber: 'CG-BCN-0001',
      toFolder: true,
    });
    const saved = await app.waitForEvent(
      'downloads.changed',
      (v) => v.id === started.id && typeof v.savedAs === 'string',
    );
    expect(saved).toMatchObject({
      state: 'done',
      verified: true,
      savedAs: join(chosen, 'beacon-2.1.4-linux-x64.tar.gz'),
    });
    expect(readdirSync(chosen)).toEqual(['beacon-2.1.4-linux-x64.tar.gz']);
    await app.call('downloads.setFolder', { folder: null });
  });
});

describe('paths of bundle exports and imports', () => {
  it('refuses an export to a relative path, into a missing folder, or over a file, and writes nothing', async () => {
    const existing = join(scratch, 'earlier.hicare');
    writeFileSync(existing, 'an earlier bundle');
    const cases: [string, string, RegExp][] = [
      ['site.hicare', 'INVALID_INPUT', /full path/],
      [join(scratch, 'no-such-folder', 'site.hicare'), 'NOT_FOUND', /does not exist/],
      [existing, 'ALREADY_EXISTS', /already a file/],
    ];
    for (const [path, code, words] of cases) {
      const error = await app.refused('bundles.export', { ...SELECTION, path });
      plain(error, code);
      expect(error.message).toMatch(words);
    }
    expect(readFileSync(existing, 'utf8')).toBe('an earlier bundle');
    expect(existsSync(join(scratch, 'no-such-folder'))).toBe(false);
    expect(app.eventsOf('bundles.progress')).toEqual([]);
  });

  it('refuses an export folder that is relative, a file, or already holds files, and writes nothing', async () => {
    const full = join(scratch, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'notes.txt'), 'keep me');
    const cases: [string, string, RegExp][] = [
      ['site-north', 'INVALID_INPUT', /full path/],
      [join(scratch, 'earlier.hicare'), 'ALREADY_EXISTS', /already a file/],
      [full, 'ALREADY_EXISTS', /already holds files/],
    ];
    for (const [folder, code, words] of cases) {
      const error = await app.refused('bundles.exportFolder', { ...SELECTION, folder });
      plain(error, code);
      expect(error.message).toMatch(words);
    }
    expect(readdirSync(full)).toEqual(['notes.txt']);
    expect(app.eventsOf('bundles.progress')).toEqual([]);
  });

  it('refuses to verify or install from a relative path, a missing file or a folder; nothing runs', async () => {
    const cases: [string, string, RegExp][] = [
      ['site.hicare', 'INVALID_INPUT', /full path/],
      [join(scratch, 'missing.hicare'), 'NOT_FOUND', /no bundle file/],
      [scratch, 'INVALID_INPUT', /is a folder/],
    ];
    for (const [path, code, words] of cases) {
      plain(await app.refused('bundles.verify', { path }), code);
      const error = await app.refused('bundles.install', {
        path,
        serialNumber: 'CG-BCN-0001',
        installId: 'install-0001',
      });
      plain(error, code);
      expect(error.message).toMatch(words);
    }
    expect(app.eventsOf('install.log')).toEqual([]);
  });

  it.each<[string, string, unknown]>([
    ['an export for no system', 'bundles.export', { ...SELECTION, serials: [], path: '/tmp/x.hicare' }],
    ['an export of no release', 'bundles.export', { ...SELECTION, targets: [], path: '/tmp/x.hicare' }],
    [
      'a traversal among the releases',
      'bundles.export',
      { ...SELECTION, targets: ['../../etc/passwd'], path: '/tmp/x' },
    ],
    ['a statement for 400 days', 'bundles.exportFolder', { ...SELECTION, validDays: 400, folder: '/tmp/x' }],
    [
      'an export the window did not name',
      'bundles.export',
      { serials: ['CG-BCN-0001'], targets: [BEACON], path: '/x' },
    ],
    ['a NUL in a bundle path', 'bundles.verify', { path: '/tmp/site\u0000.hicare' }],
    ['an install without a system', 'bundles.install', { path: '/tmp/site.hicare', installId: 'install-0001' }],
  ])('%s: INVALID_INPUT before anything is read', async (_what, method, input) => {
    plain(await app.refused(method, input), 'INVALID_INPUT');
  });
});
