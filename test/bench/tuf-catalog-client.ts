/**
 * The client half of test/bench/tuf-catalog.ts, run in a child process so a run can be stopped at its time limit:
 * `node --import tsx tuf-catalog-client.ts <as-shipped|linear-models> <workDir> <repoDir> <metadataUrl> <target> <bins>`
 * (the caller makes and removes `workDir`).
 * A real tuf-js Updater refreshes from scratch (only the repository's first root on disk) and looks one target up;
 * with bins, a second Updater then verifies every bin. Prints one line of JSON (ClientRun).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Models from '@tufjs/models';
import { Updater } from 'tuf-js';

export type ClientMode = 'as-shipped' | 'linear-models';

/** What one client run reports. */
export interface ClientRun {
  refreshMs: number;
  lookupMs: number;
  found: boolean;
  /** Only for a single targets.json: where a verification of it spends its time. */
  breakdown?: { jsonParseMs: number; fromJsonMs: number; toJsonMs: number; canonicalMs: number; verifyMs: number };
  /** Only for hash bins: every bin fetched and verified, so every entry of the catalog. */
  allBins?: { ms: number; bins: number; entries: number };
}

/** The modules tuf-js itself loads (it has its own copy of @tufjs/models). */
const fromTufJs = createRequire(createRequire(import.meta.url).resolve('tuf-js'));

/** Replaces the two quadratic steps of the models tuf-js loads with linear ones that return the same objects. */
function linearizeTargets(): void {
  const models = fromTufJs('@tufjs/models') as typeof Models;
  const { Targets, TargetFile } = models;
  type TargetFileJson = Parameters<typeof TargetFile.fromJSON>[1];
  // `targets` is readonly in the typings only: the models assign it in their own constructor.
  type Writable = { targets: Record<string, Models.TargetFile> };
  const fromJSON = Targets.fromJSON.bind(Targets);
  Targets.fromJSON = (data) => {
    const { targets, ...rest } = data as { targets?: Record<string, TargetFileJson> };
    const parsed = fromJSON(rest);
    if (targets !== undefined)
      (parsed as unknown as Writable).targets = Object.fromEntries(
        Object.entries(targets).map(([path, t]) => [path, TargetFile.fromJSON(path, t)]),
      );
    return parsed;
  };
  const toJSON = Targets.prototype.toJSON;
  Targets.prototype.toJSON = function linearToJSON(this: Models.Targets) {
    const self = this as unknown as Writable;
    const targets = self.targets;
    self.targets = {};
    try {
      const json = toJSON.call(this);
      json['targets'] = Object.fromEntries(Object.entries(targets).map(([path, t]) => [path, t.toJSON()]));
      return json;
    } finally {
      self.targets = targets;
    }
  };
}

async function breakdown(metadataDir: string): Promise<NonNullable<ClientRun['breakdown']>> {
  const models = fromTufJs('@tufjs/models') as typeof Models;
  const canonical = fromTufJs('@tufjs/canonical-json') as { canonicalize: (o: unknown) => string };
  const bytes = await readFile(join(metadataDir, 'targets.json'));
  const root = JSON.parse(await readFile(join(metadataDir, 'root.json'), 'utf8')) as {
    signed: { keys: Record<string, { keyval: { public: string } }>; roles: { targets: { keyids: string[] } } };
  };
  let t = performance.now();
  const data = JSON.parse(bytes.toString('utf8')) as { signatures: { keyid: string; sig: string }[] };
  const jsonParseMs = performance.now() - t;
  t = performance.now();
  const md = models.Metadata.fromJSON(models.MetadataKind.Targets, data as never);
  const fromJsonMs = performance.now() - t;
  t = performance.now();
  const signed = md.signed.toJSON();
  const toJsonMs = performance.now() - t;
  t = performance.now();
  const canonicalBytes = Buffer.from(canonical.canonicalize(signed));
  const canonicalMs = performance.now() - t;
  const keyId = root.signed.roles.targets.keyids[0]!;
  // The repository's keys are ed25519, listed as the raw 32-byte key in hex.
  const x = Buffer.from(root.signed.keys[keyId]!.keyval.public, 'hex').toString('base64url');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  t = performance.now();
  const ok = verify(null, canonicalBytes, key, Buffer.from(data.signatures.find((s) => s.keyid === keyId)!.sig, 'hex'));
  const verifyMs = performance.now() - t;
  if (!ok) throw new Error('The targets signature does not verify.');
  return { jsonParseMs, fromJsonMs, toJsonMs, canonicalMs, verifyMs };
}

async function client(
  mode: ClientMode,
  dir: string,
  repoDir: string,
  metadataUrl: string,
  targetName: string,
  bins: number,
): Promise<void> {
  if (mode === 'linear-models') linearizeTargets();
  const metadataDir = join(dir, 'metadata');
  await mkdir(metadataDir);
  await writeFile(join(metadataDir, 'root.json'), await readFile(join(repoDir, '1.root.json')));
  const updater = (): Updater =>
    new Updater({
      metadataBaseUrl: metadataUrl,
      targetBaseUrl: `${metadataUrl}targets/`,
      metadataDir,
      targetDir: dir,
      config: { fetchTimeout: 600_000 },
    });
  const first = updater();
  let t = performance.now();
  await first.refresh();
  const refreshMs = performance.now() - t;
  t = performance.now();
  const info = await first.getTargetInfo(targetName);
  const lookupMs = performance.now() - t;
  const out: ClientRun = { refreshMs, lookupMs, found: info !== undefined };
  if (bins === 0) {
    out.breakdown = await breakdown(metadataDir);
  } else {
    // Every bin, as a client listing the whole catalog would need: one lookup per bin by a name hashed into it.
    const walker = updater();
    t = performance.now();
    await walker.refresh();
    const names = binProbeNames(bins);
    for (const name of names) await walker.getTargetInfo(name);
    const ms = performance.now() - t;
    let entries = 0;
    for (let i = 0; i < bins; i++) {
      const file = join(metadataDir, `${binRoleName(i, bins)}.json`);
      entries += Object.keys(
        (JSON.parse(await readFile(file, 'utf8')) as { signed: { targets: object } }).signed.targets,
      ).length;
    }
    out.allBins = { ms, bins, entries };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function binRoleName(index: number, bins: number): string {
  return `bins-${index.toString(16).padStart((bins - 1).toString(16).length, '0')}`;
}

/** One made-up name per bin, found by hashing candidates until every bin has one. */
function binProbeNames(bins: number): string[] {
  const bitLength = Math.log2(bins);
  const names = new Array<string | undefined>(bins);
  let missing = bins;
  for (let i = 0; missing > 0; i++) {
    const name = `probe/${i}`;
    const bin = createHash('sha256').update(name).digest().readUInt32BE(0) >>> (32 - bitLength);
    if (names[bin] === undefined) {
      names[bin] = name;
      missing--;
    }
  }
  return names as string[];
}

const [, , mode, dir, repoDir, metadataUrl, targetName, bins] = process.argv;
await client(mode as ClientMode, dir ?? '', repoDir ?? '', metadataUrl ?? '', targetName ?? '', Number(bins ?? 0));
