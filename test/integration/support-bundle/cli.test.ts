/** `hicare support-bundle` as a script runs it: --preview prints what would be sent and writes nothing; --out writes it. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_TEXT, runHicare } from '../client-cli/run-hicare.js';
import { plantDataDirectory, SECRETS } from './planted-data.js';

let dir = '';
let home = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-bundle-cli-'));
  home = join(dir, 'home');
  await plantDataDirectory(home);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const hicare = (args: string[]) => runHicare(args, { HICARE_HOME: home });

async function bundlesIn(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true }).catch(() => [] as string[])).filter((n) => n.endsWith('.tar.gz'));
}

describe('hicare support-bundle', () => {
  it('--preview lists the files and prints their redacted text, writing nothing', async () => {
    const run = await hicare(['support-bundle', '--preview']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/would hold 7 files/);
    for (const name of [
      'app.json',
      'settings.json',
      'logs/app.log',
      'logs/app.log.1',
      'operations.jsonl',
      'operations-check.json',
      'failures/',
    ])
      expect(run.stdout).toContain(name);
    expect(run.stdout).toContain('[REDACTED e-mail]@clinic.example');
    expect(run.stdout).toContain('Nothing was written.');
    for (const secret of Object.values(SECRETS)) expect(run.stdout).not.toContain(secret);
    expect(await bundlesIn(home)).toEqual([]);
    expect(await bundlesIn(dir)).toEqual([]);
  });

  it('--preview --json gives each file with its size and text', async () => {
    const run = await hicare(['--json', 'support-bundle', '--preview']);
    expect(run.code).toBe(0);
    const { files } = JSON.parse(run.stdout) as { files: { name: string; bytes: number; text: string }[] };
    expect(files.map((f) => f.name)).toContain('operations.jsonl');
    for (const f of files) expect(f.bytes).toBe(Buffer.byteLength(f.text));
  });

  it('--out writes the bundle there, and refuses to overwrite it the second time', async () => {
    const out = join(dir, 'for-support.tar.gz');
    const first = await hicare(['support-bundle', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Support bundle written to ${out}`);
    const listed = execFileSync('tar', ['tzf', out], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l !== '');
    expect(listed).toEqual(expect.arrayContaining(['app.json', 'settings.json', 'logs/app.log', 'operations.jsonl']));
    const unpacked = execFileSync('tar', ['xzOf', out], { encoding: 'utf8' });
    for (const secret of Object.values(SECRETS)) expect(unpacked).not.toContain(secret);

    const again = await hicare(['support-bundle', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`error ALREADY_EXISTS: There is already a file at ${out}.`);
    expect(again.stderr).not.toMatch(INTERNAL_TEXT);
  });

  it('--preview with --out is a usage error', async () => {
    const run = await hicare(['support-bundle', '--preview', '--out', join(dir, 'x.tar.gz')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give either --preview or --out');
  });
});
