/**
 * The vendor's releases as the back office sees them: every release of the signed catalog with its line, its size,
 * its downloads and whether it was withdrawn; withdrawing and restoring one; the lines' lifecycle dates. The routes
 * (./releases-routes.ts) and `hicare-portal release|line` (../cli/admin/releases.ts) call these same functions.
 */
import type { Kysely } from 'kysely';
import type {
  LineSetBody,
  LineSetResult,
  LineView,
  ReleaseDetail,
  ReleaseListQuery,
  ReleaseSummary,
} from '../../shared/contracts/admin/releases.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import type { ReleaseTarget } from '../../shared/contracts/catalog.js';
import { platformOfBuild } from '../../shared/domain/release-assembly.js';
import { releaseStep } from '../../shared/domain/release-admin.js';
import {
  assertLifecycle,
  isPrerelease,
  lifecycleOf,
  linePhase,
  majorOf,
  type LineLifecycle,
  type Release,
} from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import type { Catalog } from '../catalog/catalog.js';
import { dialectOf } from '../db/connection.js';
import { announceRevocation } from '../db/revocations.js';
import { listLifecycles, setLifecycle } from '../db/lifecycles.js';
import { awaitPublishJob, insertPublishJob, newPublishJobId } from '../db/publish-jobs.js';
import type { Database } from '../db/schema.js';
import { compareText, toIso } from '../db/support.js';
import {
  deleteWithdrawal,
  getWithdrawal,
  insertWithdrawal,
  listWithdrawals,
  withdrawalKey,
  type Withdrawal,
} from '../db/withdrawals.js';
import { recordChange, type AdminActor } from './audit.js';
import { resignLine } from './publish.js';

export interface ReleasesContext {
  db: Kysely<Database>;
  catalog: Catalog;
  now: () => Date;
}

interface CatalogRelease {
  release: Release;
  targets: ReleaseTarget[];
}

async function catalogReleases(catalog: Catalog, product?: string): Promise<CatalogRelease[]> {
  const products = product === undefined ? await catalog.products() : [product];
  const out: CatalogRelease[] = [];
  for (const p of products) {
    const { releases, targets } = await catalog.product(p);
    // Newest first within a product, as the catalog keeps them.
    for (const release of releases) {
      out.push({ release, targets: targets.filter((t) => t.custom.version === release.version) });
    }
  }
  return out;
}

async function downloadCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('downloads')
    .select((eb) => ['product', 'version', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['product', 'version'])
    .execute();
  return new Map(rows.map((r) => [withdrawalKey(r.product, r.version), Number(r.n)]));
}

function phaseOf(lifecycle: LineLifecycle | undefined, now: Date): LineView['phase'] {
  return lifecycle === undefined ? 'no-lifecycle' : linePhase(lifecycle, now);
}

function summaryOf(
  { release, targets }: CatalogRelease,
  lifecycles: LineLifecycle[],
  withdrawal: Withdrawal | undefined,
  downloads: number,
  now: Date,
): ReleaseSummary {
  const major = majorOf(release.version);
  return {
    product: release.product,
    version: release.version,
    major,
    step: releaseStep(release.version),
    publishedAt: release.publishedAt,
    prerelease: isPrerelease(release.version),
    size: targets.reduce((sum, t) => sum + t.length, 0),
    platforms: targets.map(platformOfBuild).sort(),
    linePhase: phaseOf(lifecycleOf(lifecycles, release.product, major), now),
    withdrawn: withdrawal === undefined ? null : { at: withdrawal.at, reason: withdrawal.reason, by: withdrawal.by },
    downloads,
  };
}

/** Newest first per product, products in order; `q` matches the product or the version. */
export async function listReleases(ctx: ReleasesContext, query: ReleaseListQuery): Promise<Page<ReleaseSummary>> {
  const [all, lifecycles, withdrawals, counts] = await Promise.all([
    catalogReleases(ctx.catalog, query.product),
    listLifecycles(ctx.db),
    listWithdrawals(ctx.db),
    downloadCounts(ctx.db),
  ]);
  const q = query.q?.trim().toLowerCase() ?? '';
  const matching = all.filter(({ release }) => {
    const withdrawn = withdrawals.has(withdrawalKey(release.product, release.version));
    if (query.withdrawn === 'yes' && !withdrawn) return false;
    if (query.withdrawn === 'no' && withdrawn) return false;
    return q === '' || `${release.product} ${release.version}`.toLowerCase().includes(q);
  });
  const now = ctx.now();
  return {
    items: matching.slice(query.offset, query.offset + query.limit).map((r) => {
      const key = withdrawalKey(r.release.product, r.release.version);
      return summaryOf(r, lifecycles, withdrawals.get(key), counts.get(key) ?? 0, now);
    }),
    total: matching.length,
    offset: query.offset,
    limit: query.limit,
  };
}

async function findRelease(catalog: Catalog, product: string, version: string): Promise<CatalogRelease> {
  const found = (await catalogReleases(catalog, product)).find((r) => r.release.version === version);
  if (found === undefined) {
    throw new HicareError('NOT_FOUND.adminRelease', { product, version }, { product, version });
  }
  return found;
}

export async function showRelease(ctx: ReleasesContext, product: string, version: string): Promise<ReleaseDetail> {
  const found = await findRelease(ctx.catalog, product, version);
  const [lifecycles, withdrawal, byCustomer] = await Promise.all([
    listLifecycles(ctx.db, { product }),
    getWithdrawal(ctx.db, product, version),
    ctx.db
      .selectFrom('downloads')
      .leftJoin('accounts', 'accounts.id', 'downloads.account_id')
      .leftJoin('customers', 'customers.id', 'accounts.customer_id')
      .where('downloads.product', '=', product)
      .where('downloads.version', '=', version)
      .select((eb) => [
        'customers.id as customerId',
        'customers.name as customerName',
        eb.fn.countAll<number | string>().as('downloads'),
        eb.fn.count<number | string>('downloads.serial_number').distinct().as('systems'),
        eb.fn.max('downloads.at').as('lastAt'),
      ])
      .groupBy(['customers.id', 'customers.name'])
      .execute(),
  ]);
  const downloads = byCustomer.reduce((sum, r) => sum + Number(r.downloads), 0);
  const major = majorOf(version);
  const first = found.targets[0];
  return {
    ...summaryOf(found, lifecycles, withdrawal, downloads, ctx.now()),
    minUpgradeFrom: found.release.minUpgradeFrom ?? null,
    notes: first?.custom.notes ?? '',
    lifecycle: lifecycleOf(lifecycles, product, major) ?? null,
    targets: found.targets.map((t) => ({
      name: t.name,
      platform: platformOfBuild(t),
      length: t.length,
      sha256: t.sha256,
    })),
    downloadsByCustomer: byCustomer
      .map((r) => ({
        customerId: r.customerId,
        customerName: r.customerName,
        downloads: Number(r.downloads),
        systems: Number(r.systems),
        lastAt: String(r.lastAt),
      }))
      .sort((a, b) => b.downloads - a.downloads || compareText(a.customerName ?? '', b.customerName ?? '')),
  };
}

/** Stops the release being offered; refused when it is unknown or already withdrawn, and then nothing changes. */
export async function withdrawRelease(
  ctx: ReleasesContext,
  actor: AdminActor,
  product: string,
  version: string,
  reason: string,
): Promise<ReleaseDetail> {
  await findRelease(ctx.catalog, product, version);
  const now = ctx.now();
  const text = reason.trim();
  if (text === '') throw new HicareError('INVALID_INPUT.withdrawalReason', {}, { product, version });
  await ctx.db.transaction().execute(async (trx) => {
    // Looked up first: on PostgreSQL a failed insert would end the transaction, leaving nothing to read it with.
    const existing = await getWithdrawal(trx, product, version);
    const added =
      existing === undefined &&
      (await insertWithdrawal(trx, { product, version, at: toIso(now), reason: text, by: actor.label }));
    if (!added) {
      throw new HicareError(
        'ALREADY_EXISTS.releaseWithdrawn',
        { product, version, withdrawnAt: existing?.at ?? toIso(now) },
        { product, version },
      );
    }
    await recordChange(
      trx,
      actor,
      { action: 'release.withdraw', subject: 'release', subjectId: `${product}@${version}`, changes: { reason: text } },
      now,
    );
  });
  // The verdicts' caches forget the product's rules, here and on every other instance.
  await announceRevocation(ctx.db, { kind: 'product', id: product });
  return showRelease(ctx, product, version);
}

/** Offers the release again under the usual rules; refused when it was not withdrawn. */
export async function restoreRelease(
  ctx: ReleasesContext,
  actor: AdminActor,
  product: string,
  version: string,
): Promise<ReleaseDetail> {
  await findRelease(ctx.catalog, product, version);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const previous = await getWithdrawal(trx, product, version);
    if (previous === undefined || !(await deleteWithdrawal(trx, product, version))) {
      throw new HicareError('NOT_FOUND.releaseWithdrawal', { product, version }, { product, version });
    }
    await recordChange(
      trx,
      actor,
      {
        action: 'release.restore',
        subject: 'release',
        subjectId: `${product}@${version}`,
        changes: { withdrawnAt: previous.at, reason: previous.reason },
      },
      now,
    );
  });
  // The verdicts' caches forget the product's rules, here and on every other instance.
  await announceRevocation(ctx.db, { kind: 'product', id: product });
  return showRelease(ctx, product, version);
}

/** Every line that has lifecycle dates or releases, by product then major; `q` matches the product. */
export async function listLines(
  ctx: ReleasesContext,
  query: { q?: string | undefined; product?: string | undefined; offset: number; limit: number },
): Promise<Page<LineView>> {
  const [lifecycles, releases] = await Promise.all([
    listLifecycles(ctx.db, query.product === undefined ? {} : { product: query.product }),
    catalogReleases(ctx.catalog, query.product),
  ]);
  const counts = new Map<string, number>();
  for (const { release } of releases) {
    const key = `${release.product}\u0000${majorOf(release.version)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const now = ctx.now();
  const q = query.q?.trim().toLowerCase() ?? '';
  const lines = lifecycles
    .filter((l) => q === '' || l.product.toLowerCase().includes(q))
    .map((l) => lineView(l, counts.get(`${l.product}\u0000${l.major}`) ?? 0, now));
  return {
    items: lines.slice(query.offset, query.offset + query.limit),
    total: lines.length,
    offset: query.offset,
    limit: query.limit,
  };
}

function lineView(l: LineLifecycle, releases: number, now: Date): LineView {
  return {
    product: l.product,
    major: l.major,
    ga: l.ga,
    endOfMaintenance: l.endOfMaintenance ?? null,
    endOfService: l.endOfService ?? null,
    phase: phaseOf(l, now),
    releases,
  };
}

/**
 * Sets a line's lifecycle dates through the same path as `hicare-portal lifecycle set`: on SQLite the dates are
 * recorded and the line's targets re-signed here; on a shared (PostgreSQL) database the portal holds no keys, so a
 * publish job is queued for the signer and its outcome awaited up to `waitSeconds`, after which the job's state is
 * the answer. Out-of-order dates are refused before anything is recorded or queued.
 */
export async function setLine(
  ctx: ReleasesContext,
  actor: AdminActor,
  product: string,
  major: number,
  body: LineSetBody,
): Promise<LineSetResult> {
  const lifecycle: LineLifecycle = {
    product,
    major,
    ga: body.ga,
    ...(body.endOfMaintenance === undefined ? {} : { endOfMaintenance: body.endOfMaintenance }),
    ...(body.endOfService === undefined ? {} : { endOfService: body.endOfService }),
  };
  assertLifecycle(lifecycle);
  const now = ctx.now();
  const change = {
    action: 'line.set',
    subject: 'line' as const,
    subjectId: `${product}@${major}`,
    changes: {
      ga: body.ga,
      endOfMaintenance: body.endOfMaintenance ?? null,
      endOfService: body.endOfService ?? null,
    },
  };
  if (dialectOf(ctx.db) === 'sqlite') {
    const saved = await ctx.db.transaction().execute(async (trx) => {
      const l = await setLifecycle(trx, lifecycle);
      await recordChange(trx, actor, change, now);
      return l;
    });
    await announceRevocation(ctx.db, { kind: 'product', id: product });
    const resigned = await resignLine(ctx.catalog, saved, now);
    return { state: 'done', line: await lineNow(ctx, saved), resigned };
  }
  const id = newPublishJobId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPublishJob(trx, { id, kind: 'lifecycle', input: lifecycle, createdBy: actor.label }, now);
    await recordChange(trx, actor, { ...change, changes: { ...change.changes, job: id } }, now);
  });
  const job = await awaitPublishJob(ctx.db, id, Date.now() + (body.waitSeconds ?? 10) * 1000);
  if (job?.state === 'done') {
    // The signer announced it too; said here as well, so this instance's next answer has it whatever the listener's lag.
    await announceRevocation(ctx.db, { kind: 'product', id: product });
    const result = job.result as { lifecycle: LineLifecycle; resigned: number };
    return { state: 'done', line: await lineNow(ctx, result.lifecycle), resigned: result.resigned };
  }
  if (job?.state === 'failed' && job.error !== null) {
    // The signer's coded error, as if the dates had been refused here.
    throw HicareError.fromBody(job.error, { job: id });
  }
  return { state: job?.state === 'running' ? 'running' : 'pending', job: id };
}

async function lineNow(ctx: ReleasesContext, l: LineLifecycle): Promise<LineView> {
  const releases = (await catalogReleases(ctx.catalog, l.product)).filter(
    (r) => majorOf(r.release.version) === l.major,
  ).length;
  return lineView(l, releases, ctx.now());
}
