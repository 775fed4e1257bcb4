/**
 * Publishing a release and changing a line's lifecycle: the vendor's two catalog operations. Both end in signed
 * metadata — a publish adds the package as a TUF target (hashed, stored, then targets → snapshot → timestamp
 * re-signed); a lifecycle change is recorded for the portal's verdicts and copied into the custom metadata of
 * every target of that line, so that clients read the same dates from the signed catalog.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { ReleaseTarget, ReleaseTargetCustom } from '../../shared/contracts/catalog.js';
import { majorOf, parseVersion, type LineLifecycle } from '../../shared/domain/release.js';
import type { Catalog } from '../catalog/catalog.js';
import { listLifecycles, setLifecycle } from '../db/lifecycles.js';
import { announceRevocation } from '../db/revocations.js';
import type { Database } from '../db/schema.js';

export interface PublishInput {
  file: string;
  /** Everything of the target's custom metadata but the lifecycle, which comes from the recorded one. */
  custom: Omit<ReleaseTargetCustom, 'lifecycle' | 'notes' | 'publishedAt'> & { notes?: string; publishedAt?: string };
}

/** `<product>/<version>/<platform>-<arch>/<file name>`: one name per build, readable in URLs and logs. */
export function targetNameFor(
  custom: Pick<ReleaseTargetCustom, 'product' | 'version' | 'platform' | 'arch'>,
  file: string,
): string {
  return `${custom.product}/${custom.version}/${custom.platform}-${custom.arch}/${basename(file)}`;
}

export async function publishReleases(
  db: Kysely<Database>,
  catalog: Catalog,
  inputs: readonly PublishInput[],
  now: Date,
): Promise<ReleaseTarget[]> {
  const lifecycles = await listLifecycles(db);
  const targets = inputs.map((input) => {
    parseVersion(input.custom.version);
    const lifecycle = lifecycles.find(
      (l) => l.product === input.custom.product && l.major === majorOf(input.custom.version),
    );
    const custom = {
      ...input.custom,
      notes: input.custom.notes ?? '',
      publishedAt: input.custom.publishedAt ?? now.toISOString(),
      ...(lifecycle === undefined ? {} : { lifecycle }),
    };
    return { name: targetNameFor(input.custom, input.file), path: input.file, custom };
  });
  const published = await catalog.repository.addTargets(targets, { now });
  catalog.invalidate();
  return published;
}

/** Records a line's lifecycle and re-signs the line's targets with it; returns how many targets were re-signed. */
export async function setLineLifecycle(
  db: Kysely<Database>,
  catalog: Catalog,
  lifecycle: LineLifecycle,
  now: Date,
): Promise<{ lifecycle: LineLifecycle; resigned: number }> {
  const saved = await setLifecycle(db, lifecycle);
  // Portals caching the product's rules forget them (at once on PostgreSQL; beside a SQLite portal, within seconds).
  await announceRevocation(db, { kind: 'product', id: saved.product });
  return { lifecycle: saved, resigned: await resignLine(catalog, saved, now) };
}

/**
 * Copies a recorded lifecycle into the custom metadata of every target of its line and re-signs them; returns how
 * many. Apart from setLineLifecycle so that the back office can record the dates and its audit row in one
 * transaction, then sign.
 */
export async function resignLine(catalog: Catalog, saved: LineLifecycle, now: Date): Promise<number> {
  catalog.invalidate();
  const line = (await catalog.product(saved.product)).targets.filter((t) => majorOf(t.custom.version) === saved.major);
  if (line.length > 0) {
    await catalog.repository.addTargets(
      // No path: the bytes stay as stored, only the signed metadata changes.
      line.map((t) => ({ name: t.name, custom: { ...t.custom, lifecycle: saved } })),
      { now },
    );
    catalog.invalidate();
  }
  return line.length;
}
