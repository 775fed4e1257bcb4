/**
 * `hicare bundle create` as IT staff run it against a real portal: two systems of the contract with --updates, the
 * file a person can list with tar, the packages each system should take with their signed bytes, the metadata chain
 * from the first root, and a statement the portal signed for both serials; every wrong usage refused by its code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SignedStatementSchema } from '../../../shared/contracts/bundle.js';
import { openBundleFile } from '../../../electron/core/bundle/bundle-reader.js';
import { describePortal, type TestPortal } from '../portal-api/harness.js';
import { INTERNAL_TEXT } from '../client-cli/run-hicare.js';
import { bundleWorld, ok, type BundleWorld } from './bundle-world.js';

const SERIALS = ['CG-ATL-0001', 'CG-BCN-0001'];

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describePortal('hicare bundle create', (t: TestPortal) => {
  let world: BundleWorld;
  beforeAll(async () => {
    world = await bundleWorld(t);
  }, 60_000);
  afterAll(async () => {
    await world.close();
  });

  it('writes a bundle for two systems with what each should take, listed by tar, signed for both', async () => {
    const out = join(world.dir, 'site-a.hicare.tar');
    const checked = await world.hicare(['--json', 'check']);
    // 100: updates are there to take, which is what a bundle is made for.
    expect(checked.code, checked.stderr).toBe(100);
    const check = JSON.parse(checked.stdout) as {
      systems: {
        system: { serialNumber: string };
        recommended: { plan: { ok: boolean; hops: { version: string }[] } } | null;
      }[];
    };
    const expectedVersions = check.systems
      .filter((s) => SERIALS.includes(s.system.serialNumber))
      .flatMap((s) => (s.recommended?.plan.ok === true ? s.recommended.plan.hops.map((h) => h.version) : []));
    expect(expectedVersions.length).toBeGreaterThan(0);

    const run = ok(
      await world.hicare([
        'bundle',
        'create',
        '--serial',
        SERIALS[0]!,
        '--serial',
        SERIALS[1]!,
        '--updates',
        '--out',
        out,
      ]),
    );
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(run.stdout).toContain(`Systems: ${SERIALS.join(', ')}`);
    expect(run.stdout).toMatch(/valid until /);
    expect(existsSync(`${out}.part`)).toBe(false);

    const listed = execFileSync('tar', ['tf', out], { encoding: 'utf8' }).trim().split('\n');
    expect(listed[0]).toBe('hicare-bundle.json');
    expect(listed).toContain('metadata/1.root.json');
    expect(listed).toContain('metadata/timestamp.json');
    expect(listed.some((m) => /^metadata\/\d+\.snapshot\.json$/.test(m))).toBe(true);
    expect(listed.some((m) => /^metadata\/\d+\.targets\.json$/.test(m))).toBe(true);
    const statementAt = listed.indexOf('statement.json');
    expect(listed.slice(statementAt + 1).every((m) => m.startsWith('packages/'))).toBe(true);

    const bundle = await openBundleFile(out);
    const statement = SignedStatementSchema.parse(JSON.parse(bundle.statement.toString('utf8')));
    expect(statement.signed.serials).toEqual(SERIALS);
    expect(statement.signed.targets.map((x) => x.name).sort()).toEqual([...bundle.packages].sort());
    for (const version of expectedVersions) expect(bundle.packages.some((p) => p.includes(version))).toBe(true);
    for (const target of statement.signed.targets) {
      expect(run.stdout).toContain(target.name.split('/').at(-1));
      // The bytes stored are the bytes the catalog signs.
      expect(await sha256(await bundle.openPackage(target.name))).toBe(target.sha256);
    }
  }, 120_000);

  it('refuses wrong usage with a coded error and writes nothing', async () => {
    const out = join(world.dir, 'refused.tar');
    const cases: [string[], RegExp][] = [
      [['--updates', '--out', out], /INVALID_INPUT: Name at least one system/],
      [['--serial', SERIALS[0]!, '--out', out], /INVALID_INPUT: Say which releases/],
      [['--serial', SERIALS[0]!, '--updates', '--release', 'x', '--out', out], /INVALID_INPUT: Say which releases/],
      [['--serial', SERIALS[0]!, '--updates'], /INVALID_INPUT: Say where to write/],
      [['--serial', SERIALS[0]!, '--updates', '--out', out, '--valid-days', '999'], /INVALID_INPUT: --valid-days/],
      [['--serial', 'NO-SUCH-0001', '--updates', '--out', out], /NOT_FOUND: No system NO-SUCH-0001/],
      [['--serial', SERIALS[0]!, '--release', 'nope/none.tar.gz', '--out', out], /TARGET_UNKNOWN/],
    ];
    for (const [args, error] of cases) {
      const run = await world.hicare(['bundle', 'create', ...args]);
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toMatch(error);
      expect(run.stderr).not.toMatch(INTERNAL_TEXT);
      expect(existsSync(out) || existsSync(`${out}.part`)).toBe(false);
    }
  }, 120_000);
});
