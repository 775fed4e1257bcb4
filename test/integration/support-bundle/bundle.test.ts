/**
 * The support bundle built from a data directory with secrets planted everywhere: unpacked with the system's `tar`,
 * it holds the log, the operation records with their chain's verdict, the failed installation, the settings and the
 * app's facts, and no secret; the preview shows the same files before anything is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsService } from '../../../electron/core/settings.js';
import { SupportBundle } from '../../../electron/core/support/index.js';
import { EMAIL, plantDataDirectory, SECRETS } from './planted-data.js';

let dir = '';
let home = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-bundle-'));
  home = join(dir, 'home');
  await plantDataDirectory(home);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function bundleOf(dataDirectory: string): SupportBundle {
  const settings = new SettingsService(dataDirectory);
  return new SupportBundle({
    dataDirectory,
    app: { name: 'Hi-Care Update Manager', version: '1.2.3', host: 'web', platform: 'linux-x64' },
    settings: () => settings.get(),
    clock: { now: () => new Date('2025-03-01T12:30:00Z') },
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

const EXPECTED_FILES = [
  'app.json',
  'failures/20250301T120000000Z-SN-1002.json',
  'logs/app.log',
  'logs/app.log.1',
  'operations-check.json',
  'operations.jsonl',
  'settings.json',
];

describe('support bundle', () => {
  it('unpacks to the expected files, none of which holds a secret', async () => {
    const { path, bytes } = await bundleOf(home).export({ folder: join(dir, 'out') });
    expect(path).toBe(join(dir, 'out', 'hicare-support-20250301-123000.tar.gz'));
    expect((await stat(path)).size).toBe(bytes);

    const unpacked = join(dir, 'unpacked');
    execFileSync('mkdir', ['-p', unpacked]);
    execFileSync('tar', ['xzf', path, '-C', unpacked]);
    expect(await filesUnder(unpacked)).toEqual(EXPECTED_FILES);

    const everything = (await Promise.all(EXPECTED_FILES.map((f) => readFile(join(unpacked, f), 'utf8')))).join('\n');
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
    // What support reads stays: the e-mail's domain, serial numbers, versions, error codes, the installer's exit.
    expect(everything).toContain('[REDACTED e-mail]@clinic.example');
    expect(everything).not.toContain(EMAIL);
    for (const kept of [
      'SN-1002',
      'Installed atlas 1.9.0 on SN-1001',
      'INSTALL_FAILED',
      'exit 3',
      'proxy.example.com:3128',
    ])
      expect(everything).toContain(kept);

    const app = JSON.parse(await readFile(join(unpacked, 'app.json'), 'utf8')) as Record<string, unknown>;
    expect(app).toMatchObject({
      name: 'Hi-Care Update Manager',
      version: '1.2.3',
      host: 'web',
      platform: 'linux-x64',
      createdAt: '2025-03-01T12:30:00.000Z',
    });
    // Redaction changes the records' bytes, so the bundle says what the chain looked like before.
    expect(JSON.parse(await readFile(join(unpacked, 'operations-check.json'), 'utf8'))).toEqual({
      intact: true,
      records: 2,
    });
    // Every line is still JSON a log tool can read.
    for (const f of ['logs/app.log', 'logs/app.log.1', 'operations.jsonl']) {
      for (const line of (await readFile(join(unpacked, f), 'utf8')).split('\n').filter((l) => l !== ''))
        expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
  });

  it('previews the same files, with their sizes and redacted text, and writes nothing', async () => {
    const { files } = await bundleOf(home).preview();
    expect(files.map((f) => f.name).sort()).toEqual(EXPECTED_FILES);
    const settings = files.find((f) => f.name === 'settings.json');
    expect(settings?.text).toContain('[REDACTED url-credentials]');
    expect(settings?.bytes).toBe(Buffer.byteLength(settings?.text ?? ''));
    for (const f of files) for (const secret of Object.values(SECRETS)) expect(f.text).not.toContain(secret);
    expect(await readdir(home)).not.toContain('out');
    expect((await readdir(home)).some((n) => n.endsWith('.tar.gz'))).toBe(false);
  });

  it('never overwrites an earlier bundle, and says so in plain words', async () => {
    const bundle = bundleOf(home);
    const first = await bundle.export({ folder: join(dir, 'out') });
    await expect(bundle.export({ path: first.path })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: `There is already a file at ${first.path}.`,
    });
    await expect(bundle.export({ path: join(dir, 'bundle.zip') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('builds a bundle of a desktop that has no log, records or failures yet', async () => {
    const { files } = await bundleOf(join(dir, 'fresh')).preview();
    expect(files.map((f) => f.name)).toEqual(['app.json', 'settings.json']);
  });
});
