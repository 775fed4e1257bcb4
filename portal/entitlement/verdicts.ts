/**
 * The portal's use of the shared verdict: for the entitlement API (every release of a system's product, with the
 * reasons and remedies the app shows) and for package delivery (the bytes only when a verdict allows them). Both
 * call the same pure function the app uses to explain, so the portal never refuses what the app offered.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../../shared/contracts/accounts.js';
import type { ReleaseTarget } from '../../shared/contracts/catalog.js';
import type { KnownWithdrawal, SystemEntitlement } from '../../shared/contracts/entitlement.js';
import { platformOfBuild } from '../../shared/domain/release-assembly.js';
import type { Release } from '../../shared/domain/release.js';
import {
  prepareVerdict,
  verdict,
  type PostExpiryPolicy,
  type ReleaseWithdrawal,
  type Verdict,
} from '../../shared/domain/verdict.js';
import { HicareError } from '../../shared/errors.js';
import { translate } from '../../shared/i18n/translator.js';
import type { Catalog, ProductCatalog } from '../catalog/catalog.js';
import { listLifecycles } from '../db/lifecycles.js';
import { firstDownloadsBefore, listWithdrawals, withdrawalKey, type Withdrawal } from '../db/withdrawals.js';
import type { Database } from '../db/schema.js';
import type { AnswerMemo } from './answer-memo.js';
import type { ContractCache } from './contract-cache.js';
import type { ProductRules, ProductRulesCache } from './product-rules.js';
import {
  baselineVersion,
  customerOf,
  customerSystems,
  majorsOf,
  systemNotFound,
  type CustomerSystem,
} from './systems.js';

export interface EntitlementContext {
  db: Kysely<Database>;
  catalog: Catalog;
  now: () => Date;
  postExpiry: PostExpiryPolicy;
  /** Contracts kept for a few seconds; read every time when absent. */
  contracts?: ContractCache;
  /** Lifecycles and withdrawals kept for a moment; read every time when absent. */
  productRules?: ProductRulesCache;
  /** Entitlement answers kept while their inputs are the same; written every time when absent. */
  answers?: AnswerMemo<SystemEntitlement>;
}

/** A product's lifecycles and withdrawals, from the cache when the context has one. */
export async function productRules(ctx: EntitlementContext, product: string): Promise<ProductRules> {
  const load = async (): Promise<ProductRules> => {
    const [lifecycles, withdrawals] = await Promise.all([
      listLifecycles(ctx.db, { product }),
      listWithdrawals(ctx.db, { product }),
    ]);
    return { lifecycles, withdrawals };
  };
  return ctx.productRules === undefined ? load() : ctx.productRules.rulesOf(product, load);
}

export interface EntitlementQuery {
  installedVersion?: string | undefined;
  platform?: string | undefined;
  previews?: boolean | undefined;
}

/** Every release of the system's product (for its platform, when known) with its verdict. */
export async function systemEntitlement(
  ctx: EntitlementContext,
  caller: Account,
  serialNumber: string,
  query: EntitlementQuery,
): Promise<SystemEntitlement> {
  const customerId = customerOf(caller);
  const { contracts, systems } = await customerSystems(ctx.db, customerId, { serialNumber }, ctx.contracts);
  const entry = systems[0];
  if (entry === undefined) throw systemNotFound(serialNumber);
  const product = entry.system.product;
  const [catalog, rules] = await Promise.all([ctx.catalog.product(product), productRules(ctx, product)]);
  const { withdrawals } = rules;
  const downloaded = await firstDownloadsBefore(
    ctx.db,
    customerId,
    product,
    [...withdrawals.values()].map((w) => w.version),
    serialNumber,
  );
  const now = ctx.now();
  const write = (): Promise<SystemEntitlement> =>
    Promise.resolve(writeEntitlement(ctx, entry, query, catalog, rules, downloaded, now));
  if (ctx.answers === undefined) return write();
  // Everything the answer is written from, by identity (cached objects) or value (what was read just now).
  const inputs = [contracts, catalog, rules, entry.installedVersion, entry.platform, [...downloaded].join('\u0001')];
  const key = [customerId, serialNumber, query.installedVersion, query.platform, query.previews === true].join(
    '\u0000',
  );
  return ctx.answers.answer(key, now, inputs, write);
}

function writeEntitlement(
  ctx: EntitlementContext,
  entry: CustomerSystem,
  query: EntitlementQuery,
  catalog: ProductCatalog,
  { lifecycles, withdrawals }: ProductRules,
  downloaded: ReadonlyMap<string, string>,
  now: Date,
): SystemEntitlement {
  const { product, serialNumber } = entry.system;
  const installed = baselineVersion(entry, query.installedVersion, majorsOf(catalog.releases.map((r) => r.version)));
  const platform = query.platform ?? entry.platform ?? undefined;
  const releases = new Map(catalog.releases.map((r) => [r.version, r]));
  const judge = prepareVerdict({
    contracts: entry.contracts,
    system: { serialNumber, product, installedVersion: installed, ...(platform === undefined ? {} : { platform }) },
    lifecycles,
    now,
    postExpiry: ctx.postExpiry,
    includePrereleases: query.previews === true,
  });

  const out: SystemEntitlement['releases'] = [];
  for (const target of catalog.targets) {
    if (platform !== undefined && platformOfBuild(target) !== platform) continue;
    const release = releases.get(target.custom.version);
    if (release === undefined) continue;
    const withdrawal = withdrawals.get(withdrawalKey(product, release.version));
    const v = judge.judge(
      release,
      withdrawal === undefined ? undefined : { at: withdrawal.at, reason: withdrawal.reason },
    );
    const downloadedAt =
      withdrawal === undefined ? undefined : downloadedBefore(downloaded, serialNumber, release.version, withdrawal);
    out.push({
      target,
      verdict: v,
      ...(withdrawal === undefined || downloadedAt === undefined
        ? {}
        : { withdrawn: { at: withdrawal.at, reason: withdrawal.reason, downloadedAt } }),
    });
  }
  return {
    system: {
      ...entry.system,
      installedVersion: query.installedVersion ?? entry.installedVersion,
      ...(platform === undefined ? {} : { platform }),
    },
    releases: out,
    lifecycles,
  };
}

/**
 * Every withdrawn release, so a desktop judging releases from the signed catalog refuses them as the portal does,
 * with the caller's systems that downloaded each before it was withdrawn (they get the notice not to install it).
 */
export async function knownWithdrawals(ctx: EntitlementContext, caller: Account): Promise<KnownWithdrawal[]> {
  const customerId = customerOf(caller);
  const withdrawals = [...(await listWithdrawals(ctx.db)).values()];
  const byProduct = new Map<string, Withdrawal[]>();
  for (const w of withdrawals) byProduct.set(w.product, [...(byProduct.get(w.product) ?? []), w]);
  const out: KnownWithdrawal[] = [];
  for (const [product, list] of byProduct) {
    const first = await firstDownloadsBefore(
      ctx.db,
      customerId,
      product,
      list.map((w) => w.version),
    );
    for (const w of list) {
      const downloads = [...first]
        .map(([key, at]) => ({ key: key.split('\u0000'), at }))
        .filter(({ key, at }) => key[1] === w.version && at < w.at)
        .map(({ key, at }) => ({ serialNumber: key[0] ?? '', downloadedAt: at }))
        .sort((a, b) => (a.serialNumber < b.serialNumber ? -1 : a.serialNumber > b.serialNumber ? 1 : 0));
      out.push({ product, version: w.version, at: w.at, reason: w.reason, downloads });
    }
  }
  return out.sort((a, b) =>
    a.product === b.product ? (a.version < b.version ? -1 : 1) : a.product < b.product ? -1 : 1,
  );
}

function judge(
  ctx: EntitlementContext,
  entry: CustomerSystem,
  installedVersion: string,
  release: Release,
  lifecycles: Awaited<ReturnType<typeof listLifecycles>>,
  now: Date,
  platform: string | undefined,
  previews: boolean,
  withdrawal: ReleaseWithdrawal | undefined,
): Verdict {
  return verdict({
    contracts: entry.contracts,
    system: {
      serialNumber: entry.system.serialNumber,
      product: entry.system.product,
      installedVersion,
      ...(platform === undefined ? {} : { platform }),
    },
    release,
    lifecycles,
    now,
    postExpiry: ctx.postExpiry,
    includePrereleases: previews,
    ...(withdrawal === undefined ? {} : { withdrawal: { at: withdrawal.at, reason: withdrawal.reason } }),
  });
}

/** When the system first downloaded the release, if that was before the withdrawal; undefined otherwise. */
function downloadedBefore(
  firstDownloads: ReadonlyMap<string, string>,
  serialNumber: string,
  version: string,
  withdrawal: Withdrawal,
): string | undefined {
  const first = firstDownloads.get(`${serialNumber}\u0000${version}`);
  return first !== undefined && first < withdrawal.at ? first : undefined;
}

export interface DownloadQuery {
  serialNumber?: string | undefined;
  installedVersion?: string | undefined;
  previews?: boolean | undefined;
}

export interface DownloadGrant {
  target: ReleaseTarget;
  serialNumber: string;
}

/**
 * Whether the caller may have the bytes of `targetName`: allowed when the verdict allows that release for the named
 * system or, when none is named, for one of the caller's systems of that product. Refused with the verdict's first
 * reason as the error code (403) and every reason in the details, so the client can show them all.
 */
export async function authorizeDownload(
  ctx: EntitlementContext,
  caller: Account,
  targetName: string,
  query: DownloadQuery,
): Promise<DownloadGrant> {
  const target = await ctx.catalog.target(targetName);
  if (target === undefined) {
    throw new HicareError('NOT_FOUND.catalogPackage', { target: targetName }, { target: targetName });
  }
  const product = target.custom.product;
  const filter = query.serialNumber === undefined ? { product } : { serialNumber: query.serialNumber };
  const { contracts, systems } = await customerSystems(ctx.db, customerOf(caller), filter, ctx.contracts);
  if (query.serialNumber !== undefined && systems.length === 0) throw systemNotFound(query.serialNumber);
  const [catalog, { lifecycles, withdrawals }] = await Promise.all([
    ctx.catalog.product(product),
    productRules(ctx, product),
  ]);
  const release = catalog.releases.find((r) => r.version === target.custom.version);
  if (release === undefined)
    throw new HicareError('NOT_FOUND.catalogRelease', { target: targetName }, { target: targetName });
  const now = ctx.now();
  const majors = majorsOf(catalog.releases.map((r) => r.version));
  const withdrawal = withdrawals.get(withdrawalKey(product, release.version));
  const downloaded =
    withdrawal === undefined
      ? new Map<string, string>()
      : await firstDownloadsBefore(ctx.db, customerOf(caller), product, [release.version]);

  let refused: Verdict | undefined;
  for (const entry of systems) {
    if (entry.system.product !== product) {
      throw new HicareError(
        'INVALID_INPUT.systemRunsOtherProduct',
        { serialNumber: entry.system.serialNumber, installed: entry.system.product, product },
        { serialNumber: entry.system.serialNumber },
      );
    }
    const installed = baselineVersion(entry, query.installedVersion, majors);
    // A system that downloaded the release before it was withdrawn may fetch the same bytes again (DESIGN.md §3.6):
    // it holds them already, and its notice tells it not to install them. Everyone else is refused with the reason.
    const again =
      withdrawal !== undefined &&
      downloadedBefore(downloaded, entry.system.serialNumber, release.version, withdrawal) !== undefined;
    const v = judge(
      ctx,
      entry,
      installed,
      release,
      lifecycles,
      now,
      platformOfBuild(target),
      query.previews === true,
      again ? undefined : withdrawal,
    );
    // A build for another platform than the one recorded for the system is not for that system.
    if (entry.platform !== null && entry.platform !== platformOfBuild(target)) {
      v.allowed = false;
      const key = 'NOT_FOR_PLATFORM.systemPlatform';
      const params = {
        target: target.name,
        build: platformOfBuild(target),
        serialNumber: entry.system.serialNumber,
        platform: entry.platform,
      };
      // English here, like every reason; the key lets the reader's app write it in theirs.
      v.reasons.push({
        code: 'NOT_FOR_PLATFORM',
        message: translate('en', `errors.${key}.message`, params),
        remedy: translate('en', `errors.${key}.remedy`, params),
        key,
        params,
      });
    }
    if (v.allowed) return { target, serialNumber: entry.system.serialNumber };
    refused ??= v;
  }
  if (refused === undefined) {
    if (contracts.length === 0) {
      throw new HicareError('NO_CONTRACT.download', {}, { target: targetName });
    }
    throw new HicareError('SYSTEM_NOT_COVERED.productSystems', { product }, { target: targetName });
  }
  const details = { reasons: refused.reasons, target: targetName };
  const first = refused.reasons[0];
  if (first === undefined) throw new HicareError('FORBIDDEN.packageRefused', {}, details);
  // The reason as the verdict wrote it; with its key, the answer is written again in the caller's language.
  throw HicareError.fromBody(
    {
      code: first.code,
      message: first.message,
      remedy: first.remedy,
      ...(first.key === undefined ? {} : { key: first.key }),
      ...(first.params === undefined ? {} : { params: first.params }),
    },
    details,
  );
}
