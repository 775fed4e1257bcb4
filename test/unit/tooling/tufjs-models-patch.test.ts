/**
 * @tufjs/models parses a targets map in quadratic time; scripts/patch-tufjs-models.mjs (run at install) rewrites it
 * to linear. These tests notice when an installed copy is not patched, when the patched code reads or writes a
 * targets document differently from what it was given, and when the script meets code it does not know.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { canonicalize } from '@tufjs/canonical-json';
import { Metadata, MetadataKind } from '@tufjs/models';
import type { JsonObject } from '../../../portal/tuf/metadata-files.js';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'patch-tufjs-models.mjs');
const MARK = '/* linear: scripts/patch-tufjs-models.mjs */';

/** Every installed copy's dist/targets.js, nested ones included. */
async function installedTargetsFiles(nodeModules: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(nodeModules, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const packages = entry.name.startsWith('@')
      ? (await readdir(join(nodeModules, entry.name))).map((inner) => join(nodeModules, entry.name, inner))
      : [join(nodeModules, entry.name)];
    for (const pkg of packages) {
      if (pkg.endsWith(join('@tufjs', 'models'))) found.push(join(pkg, 'dist', 'targets.js'));
      found.push(...(await installedTargetsFiles(join(pkg, 'node_modules'))));
    }
  }
  return found;
}

/** The two functions of @tufjs/models 4.1.1 – 5.0.2 dist/targets.js that the script rewrites, as published. */
const UNPATCHED = `"use strict";
function targetsToJSON(targets) {
    return Object.entries(targets).reduce((acc, [path, target]) => ({
        ...acc,
        [path]: target.toJSON(),
    }), {});
}
function targetsFromJSON(data) {
    let targets;
    if (utils_1.guard.isDefined(data)) {
        if (!utils_1.guard.isObjectRecord(data)) {
            throw new TypeError('targets must be an object');
        }
        else {
            targets = Object.entries(data).reduce((acc, [path, target]) => ({
                ...acc,
                [path]: file_1.TargetFile.fromJSON(path, target),
            }), {});
        }
    }
    return targets;
}
`;

describe('the installed @tufjs/models', () => {
  it('is patched in every copy', async () => {
    const files = await installedTargetsFiles(join(root, 'node_modules'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text, file).toContain(MARK);
      expect(text, file).not.toContain('...acc,');
    }
  });

  it('reads and writes a targets document exactly as given (same entries, same order, same signed bytes)', () => {
    const targets: Record<string, unknown> = {};
    // Names that sort differently as text and as numbers, and an integer-like one, keep their order through the map.
    for (const name of ['b/2/linux-x64/b.tgz', 'a/10/win-x64/a.zip', '7', 'a/9/win-x64/a.zip', 'c.txt']) {
      targets[name] = {
        length: name.length,
        hashes: { sha256: 'ab'.repeat(32) },
        custom: { product: name.split('/')[0], notes: 'line 1\nline 2' },
      };
    }
    const json = {
      signatures: [{ keyid: 'cd'.repeat(32), sig: 'ef'.repeat(32) }],
      signed: {
        _type: 'targets',
        spec_version: '1.0.31',
        version: 3,
        expires: '2030-01-01T00:00:00Z',
        targets,
      },
    };
    const parsed = Metadata.fromJSON(MetadataKind.Targets, structuredClone(json) as unknown as JsonObject);
    expect(Object.keys(parsed.signed.targets)).toEqual(Object.keys(targets));
    const written = parsed.toJSON();
    expect(written).toEqual(json);
    expect(canonicalize(written.signed)).toBe(canonicalize(json.signed));
    expect(JSON.stringify(written.signed)).toBe(JSON.stringify(json.signed));
  });
});

describe('scripts/patch-tufjs-models.mjs', () => {
  let project: string | undefined;
  afterEach(async () => {
    if (project !== undefined) await rm(project, { recursive: true, force: true });
    project = undefined;
  });

  async function projectWith(texts: { at: string; text: string }[]): Promise<string> {
    project = await mkdtemp(join(tmpdir(), 'hicare-patch-'));
    for (const { at, text } of texts) {
      const dist = join(project, at, '@tufjs', 'models', 'dist');
      await mkdir(dist, { recursive: true });
      await writeFile(join(dist, 'targets.js'), text);
    }
    return project;
  }

  const runScript = (folder: string) =>
    run(process.execPath, [script, folder]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('patches every copy, nested ones too, and a second run changes nothing', async () => {
    const folder = await projectWith([
      { at: 'node_modules', text: UNPATCHED },
      { at: join('node_modules', 'tuf-js', 'node_modules'), text: UNPATCHED },
    ]);
    const files = await installedTargetsFiles(join(folder, 'node_modules'));
    expect(files).toHaveLength(2);

    const first = await runScript(folder);
    expect(first.code).toBe(0);
    const patched = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    for (const text of patched) {
      expect(text.split(MARK)).toHaveLength(3);
      expect(text).not.toContain('...acc,');
    }

    const second = await runScript(folder);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(await Promise.all(files.map((f) => readFile(f, 'utf8')))).toEqual(patched);
  });

  it('stops with the file named when the code is neither the expected one nor patched', async () => {
    const changed = UNPATCHED.replace('[path]: target.toJSON(),', '[path]: target.toJSON(true),');
    const folder = await projectWith([{ at: 'node_modules', text: changed }]);
    const result = await runScript(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(folder, 'node_modules', '@tufjs', 'models', 'dist', 'targets.js'));
    expect(result.stderr).toContain('targetsToJSON');
    // Nothing half-patched is left behind.
    expect(await readFile(join(folder, 'node_modules', '@tufjs', 'models', 'dist', 'targets.js'), 'utf8')).toBe(
      changed,
    );
  });

  it('stops when there is no @tufjs/models at all', async () => {
    const folder = await projectWith([]);
    const result = await runScript(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no @tufjs/models');
  });
});
