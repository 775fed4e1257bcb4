/**
 * The bundle file's framing: what the writer makes reads back byte for byte and lists with `tar tf`, and every way
 * a file can be cut, grown, renamed or smuggled into is refused with its coded error, writing nothing.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHicareError } from '../../../../shared/errors.js';
import { openBundleFile } from '../../../../electron/core/bundle/bundle-reader.js';
import { exportFolder, openBundleFolder } from '../../../../electron/core/bundle/bundle-folder.js';
import { writeBundle } from '../../../../electron/core/bundle/bundle-writer.js';
import {
  craftTar,
  goodBundle,
  goodMembers,
  manifestOf,
  METADATA,
  PACKAGE,
  sha256,
  STATEMENT,
  TARGET,
} from './archive-fixtures.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-bundle-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The refusal's key, checking it is a coded error with words and a remedy, and that the folder did not change. */
async function refusal(open: () => Promise<unknown>): Promise<string> {
  const before = await readdir(dir, { recursive: true });
  const error = await open().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isHicareError(error), String(error)).toBe(true);
  if (!isHicareError(error)) return '';
  expect(error.code).toBe('BUNDLE_INVALID');
  expect(error.message).not.toMatch(/ENOENT|undefined|\{/);
  expect(error.remedy.length).toBeGreaterThan(10);
  expect((await readdir(dir, { recursive: true })).sort()).toEqual(before.sort());
  return error.key ?? '';
}

let n = 0;
async function crafted(members: Parameters<typeof craftTar>[2], manifest = manifestOf(goodMembers())) {
  const file = join(dir, `crafted-${++n}.tar`);
  await craftTar(file, manifest, members);
  return file;
}

describe('bundle file', () => {
  it('reads back what was written, and tar lists the members in order', async () => {
    const file = join(dir, 'good.tar');
    const written = await goodBundle(file);
    expect(await readdir(dir)).not.toContain('good.tar.part');
    const bundle = await openBundleFile(file);
    expect(bundle.createdAt).toBe('2026-12-01T10:00:00.000Z');
    expect([...bundle.metadata.keys()]).toEqual(METADATA.map((m) => m.name));
    expect(bundle.statement.equals(STATEMENT)).toBe(true);
    expect(bundle.packages).toEqual([TARGET]);
    expect((await bytesOf(await bundle.openPackage(TARGET))).equals(PACKAGE)).toBe(true);
    const listed = execFileSync('tar', ['tf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(['hicare-bundle.json', ...written.manifest.members.map((m) => m.name)]);
  });

  it('refuses to write a package whose bytes changed since they were verified, leaving no file', async () => {
    const out = join(dir, 'changed.tar');
    const changed = Buffer.from(PACKAGE);
    changed[100] = 0;
    const key = await refusal(() => goodBundle(out, changed));
    expect(key).toBe('BUNDLE_INVALID.sourceChanged');
  });

  it('refuses a truncated bundle', async () => {
    const file = join(dir, 'truncated.tar');
    await goodBundle(file);
    await truncate(file, 40_000);
    expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.truncated');
    await rm(file);
  });

  it('refuses data after the end of the archive', async () => {
    const file = join(dir, 'trailing.tar');
    await goodBundle(file);
    await appendFile(file, 'and one more thing');
    expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.trailingData');
    await rm(file);
  });

  it('refuses a file that is not a bundle', async () => {
    const file = join(dir, 'package.tar.gz');
    await writeFile(file, PACKAGE);
    expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.manifestMissing');
    await rm(file);
  });

  it('refuses a member named ../x or /etc/passwd, in the tar or in the manifest', async () => {
    const good = goodMembers();
    for (const name of ['../x', '/etc/passwd', 'packages/a/../../x', 'packages\\x', 'packages/a\u0000b']) {
      // A tar header ends a name at NUL, so that one can only be smuggled through the manifest.
      if (!name.includes('\u0000')) {
        const inTar = await crafted([...good, { name, bytes: Buffer.from('x') }]);
        expect(await refusal(() => openBundleFile(inTar))).toBe('BUNDLE_INVALID.memberPath');
      }
      const listed = [...good, { name, bytes: Buffer.from('x') }];
      const inManifest = await crafted(listed, manifestOf(listed));
      expect(await refusal(() => openBundleFile(inManifest))).toBe('BUNDLE_INVALID.memberPath');
    }
  });

  it('refuses a member stored twice', async () => {
    const good = goodMembers();
    const file = await crafted([...good, good[3]!]);
    expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.duplicateMember');
  });

  it('refuses a symbolic link, a hard link and a device', async () => {
    const good = goodMembers();
    for (const header of [
      { type: 'symlink' as const, linkname: '/etc/passwd' },
      { type: 'link' as const, linkname: 'statement.json' },
      { type: 'character-device' as const },
    ]) {
      const file = await crafted([...good.slice(0, 3), { name: good[3]!.name, header: { ...header, size: 0 } }]);
      expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.nonRegular');
    }
  });

  it('refuses a member the manifest does not list', async () => {
    const file = await crafted([...goodMembers(), { name: 'packages/extra.exe', bytes: Buffer.from('MZ') }]);
    expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.unknownMember');
  });

  it('refuses a member larger or smaller than the manifest says', async () => {
    const good = goodMembers();
    const grown = await crafted([
      ...good.slice(0, 3),
      { name: good[3]!.name, bytes: Buffer.concat([PACKAGE, PACKAGE]) },
    ]);
    expect(await refusal(() => openBundleFile(grown))).toBe('BUNDLE_INVALID.memberSize');
    const shrunk = await crafted([...good.slice(0, 3), { name: good[3]!.name, bytes: PACKAGE.subarray(1) }]);
    expect(await refusal(() => openBundleFile(shrunk))).toBe('BUNDLE_INVALID.memberSize');
  });

  it('refuses metadata beyond the caps before reading it, and changed metadata by its hash', async () => {
    const good = goodMembers();
    const manifest = JSON.parse(manifestOf(good).toString()) as { members: { length: number }[] };
    manifest.members[0]!.length = 17 * 1024 * 1024;
    const huge = await crafted(good, Buffer.from(JSON.stringify(manifest)));
    expect(await refusal(() => openBundleFile(huge))).toBe('BUNDLE_INVALID.memberTooLarge');
    const altered = [{ name: good[0]!.name, bytes: Buffer.from('{"signed":{"version":9}}') }, ...good.slice(1)];
    const changed = await crafted(altered);
    expect(await refusal(() => openBundleFile(changed))).toBe('BUNDLE_INVALID.memberHash');
  });

  it('refuses a bundle missing a listed member', async () => {
    const good = goodMembers();
    const file = await crafted(good.slice(0, 3));
    expect(await refusal(() => openBundleFile(file))).toBe('BUNDLE_INVALID.missingMember');
  });
});

describe('bundle folder', () => {
  it('exports a bundle to a folder under the packages’ real names and reads it back', async () => {
    const file = join(dir, 'for-folder.tar');
    await goodBundle(file);
    const folder = join(dir, 'exported');
    await exportFolder(await openBundleFile(file), folder);
    expect((await readFile(join(folder, 'packages', ...TARGET.split('/')))).equals(PACKAGE)).toBe(true);
    const bundle = await openBundleFolder(folder);
    expect(bundle.packages).toEqual([TARGET]);
    expect((await bytesOf(await bundle.openPackage(TARGET))).equals(PACKAGE)).toBe(true);
    expect(sha256(bundle.statement)).toBe(sha256(STATEMENT));
  });

  it('refuses a folder with a link in it, or a file the manifest does not list', async () => {
    const file = join(dir, 'for-folder-2.tar');
    await goodBundle(file);
    const folder = join(dir, 'linked');
    await exportFolder(await openBundleFile(file), folder);
    await symlink('/etc/passwd', join(folder, 'packages', 'passwd'));
    expect(await refusal(() => openBundleFolder(folder))).toBe('BUNDLE_INVALID.nonRegular');
    await rm(join(folder, 'packages', 'passwd'));
    await writeFile(join(folder, 'packages', 'extra.exe'), 'MZ');
    expect(await refusal(() => openBundleFolder(folder))).toBe('BUNDLE_INVALID.unknownMember');
  });

  it('writes no bundle whose member names are unsafe', async () => {
    const out = join(dir, 'unsafe.tar');
    const key = await refusal(() =>
      writeBundle(out, {
        createdAt: '2026-12-01T10:00:00.000Z',
        portal: 'http://127.0.0.1:8780',
        metadata: METADATA,
        statement: STATEMENT,
        packages: [{ name: '../evil', length: 1, sha256: sha256(Buffer.from('x')), open: () => Readable.from(['x']) }],
      }),
    );
    expect(key).toBe('BUNDLE_INVALID.memberPath');
  });
});
