/**
 * Upgrade-path planning: the shortest chain of releases that takes an installed version to a goal, honouring each
 * release's `minUpgradeFrom`. Runs per system in fleet-wide reports, so it sorts once and does a layered
 * breadth-first search whose per-layer work is a binary search per pending release, not a scan of all pairs.
 */
import type { Range, SemVer } from 'semver';
import { HicareError, type ErrorKey } from '../errors.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { productLabel } from './product-label.js';
import { rangeInWords } from './range-words.js';
import { parseRange, parseVersion, satisfiesMinUpgradeFrom, type Release } from './release.js';

export type UpgradeGoal = { version: string } | { major: number } | { newest: true };

export type UpgradePlan =
  | { ok: true; hops: Release[] }
  | {
      ok: false;
      code: 'NO_UPGRADE_PATH';
      /** English text; `key` and `params` render it in any language (and raise it: `new HicareError(key, params)`). */
      message: string;
      remedy: string;
      key?: NoPathKey;
      params?: Record<string, string>;
      blockedBy?: Release;
    };

type NoPathKey = Extract<ErrorKey, `NO_UPGRADE_PATH.${string}`>;

export interface PlanOptions {
  includePrereleases?: boolean;
  platform?: string;
}

type Exclusion = 'prerelease' | 'platform';

interface Node {
  release: Release;
  version: SemVer;
  range: Range | undefined;
  /** Index of the first node with an equal version: only nodes before it are strictly older. */
  group: number;
  /** Node-index window outside which no predecessor can satisfy `range`. */
  lo: number;
  hi: number;
}

const UNVISITED = -2;
const FROM_INSTALLED = -1;

/** A parsed version shared across calls (parseVersion keeps each one it parsed), as a fleet report plans against one feed. */
export function cachedVersion(version: string): SemVer {
  return parseVersion(version);
}

/** What planning relies on; `publishedAt` plays no part here, so it is left to assertRelease where it matters. */
function assertPlannable(r: Release): SemVer {
  if (r === null || typeof r !== 'object' || typeof r.product !== 'string' || r.product.length === 0) {
    throw new HicareError('INVALID_INPUT.plannableRelease', {}, { release: r });
  }
  const version = cachedVersion(r.version);
  if (r.minUpgradeFrom !== undefined) parseRange(r.minUpgradeFrom);
  if (r.platforms !== undefined && !Array.isArray(r.platforms)) {
    throw new HicareError('INVALID_INPUT.planPlatforms', { product: r.product, version: r.version });
  }
  return version;
}

function assertGoal(goal: UpgradeGoal): void {
  const g = goal as Partial<Record<'version' | 'major' | 'newest', unknown>> | null;
  if (g !== null && typeof g === 'object') {
    if ('version' in g) {
      parseVersion(g.version as string);
      return;
    }
    if ('major' in g && typeof g.major === 'number' && Number.isSafeInteger(g.major) && g.major >= 0) return;
    if ('newest' in g && g.newest === true) return;
  }
  throw new HicareError('INVALID_INPUT.upgradeGoal', {}, { goal });
}

function exclusionOf(r: Release, v: SemVer, options: PlanOptions): Exclusion | undefined {
  if (v.prerelease.length > 0 && options.includePrereleases !== true) return 'prerelease';
  if (options.platform !== undefined && r.platforms !== undefined && !r.platforms.includes(options.platform))
    return 'platform';
  return undefined;
}

/**
 * The loosest bounds a range puts on versions: a version below every set's lower bound (or above every upper
 * bound) cannot satisfy it. Prerelease rules only make satisfaction stricter, so the bounds stay safe to prune with.
 */
interface Bounds {
  lo: SemVer | null;
  hi: SemVer | null;
}
const boundsCache = new WeakMap<Range, Bounds>();

function boundsOf(range: Range): Bounds {
  const cached = boundsCache.get(range);
  if (cached !== undefined) return cached;
  let lo: SemVer | null | undefined;
  let hi: SemVer | null | undefined;
  for (const set of range.set) {
    let setLo: SemVer | null = null;
    let setHi: SemVer | null = null;
    for (const c of set) {
      if (c.value === '') continue; // matches any version
      const lower = c.operator === '>' || c.operator === '>=' || c.operator === '' || c.operator === '=';
      const upper = c.operator === '<' || c.operator === '<=' || c.operator === '' || c.operator === '=';
      if (lower && (setLo === null || c.semver.compare(setLo) > 0)) setLo = c.semver;
      if (upper && (setHi === null || c.semver.compare(setHi) < 0)) setHi = c.semver;
    }
    lo = lo === undefined ? setLo : lo === null || setLo === null ? null : setLo.compare(lo) < 0 ? setLo : lo;
    hi = hi === undefined ? setHi : hi === null || setHi === null ? null : setHi.compare(hi) > 0 ? setHi : hi;
  }
  const bounds = { lo: lo ?? null, hi: hi ?? null };
  boundsCache.set(range, bounds);
  return bounds;
}

/** First index in `sorted` whose value is not before `key` (by `before`). */
function lowerBound<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (before(sorted[mid] as T)) a = mid + 1;
    else b = mid;
  }
  return a;
}

function buildNodes(candidates: { release: Release; version: SemVer }[]): Node[] {
  candidates.sort((a, b) => a.version.compare(b.version)); // stable: equal versions keep feed order
  const nodes: Node[] = [];
  for (const [i, c] of candidates.entries()) {
    const prev = nodes[i - 1];
    const group = prev !== undefined && prev.version.compare(c.version) === 0 ? prev.group : i;
    const range = c.release.minUpgradeFrom === undefined ? undefined : parseRange(c.release.minUpgradeFrom);
    nodes.push({ release: c.release, version: c.version, range, group, lo: 0, hi: candidates.length - 1 });
  }
  for (const node of nodes) {
    if (node.range === undefined) continue;
    const { lo, hi } = boundsOf(node.range);
    if (lo !== null) node.lo = lowerBound(nodes, (n) => n.version.compare(lo) < 0);
    if (hi !== null) node.hi = lowerBound(nodes, (n) => n.version.compare(hi) <= 0) - 1;
  }
  return nodes;
}

/** The newest node of `frontier` (ascending indices) that may hop to `node`, or UNVISITED. */
function parentIn(frontier: readonly number[], nodes: readonly Node[], node: Node): number {
  const top = Math.min(node.group - 1, node.hi);
  for (let pos = lowerBound(frontier, (i) => i <= top) - 1; pos >= 0; pos -= 1) {
    const candidate = frontier[pos] as number;
    if (candidate < node.lo) break;
    if (node.range === undefined || node.range.test((nodes[candidate] as Node).version)) return candidate;
  }
  return UNVISITED;
}

function pathTo(target: number, parent: Int32Array, nodes: readonly Node[]): Release[] {
  const hops: Release[] = [];
  for (let i = target; i >= 0; i = parent[i] as number) hops.push((nodes[i] as Node).release);
  return hops.reverse();
}

function noPath(key: NoPathKey, params: Record<string, string>, blockedBy?: Release): UpgradePlan {
  const t = translator('en');
  const plan = {
    ok: false as const,
    code: 'NO_UPGRADE_PATH' as const,
    message: t(`errors.${key}.message`, params),
    remedy: t(`errors.${key}.remedy`, params),
    key,
    params,
  };
  return blockedBy === undefined ? plan : { ...plan, blockedBy };
}

/** Explains an unreachable goal release and names the release that would have opened the way, if one exists. */
function blocked(
  installed: string,
  target: Release,
  all: readonly { release: Release; version: SemVer }[],
  options: PlanOptions,
): UpgradePlan {
  const range = target.minUpgradeFrom ?? '*';
  const params = { installed, product: target.product, version: target.version, range };
  const low = parseVersion(installed);
  const high = parseVersion(target.version);
  const test = parseRange(range);
  let stone: { release: Release; version: SemVer } | undefined;
  for (const c of all) {
    if (c.version.compare(low) > 0 && c.version.compare(high) < 0 && test.test(c.version)) {
      if (stone === undefined || c.version.compare(stone.version) > 0) stone = c;
    }
  }
  if (stone === undefined) {
    return noPath('NO_UPGRADE_PATH.noPath', params, target);
  }
  const step = stone.release.version;
  const why = exclusionOf(stone.release, stone.version, options);
  if (why === undefined) return noPath('NO_UPGRADE_PATH.stepFirst', { ...params, step }, target);
  if (why === 'prerelease') return noPath('NO_UPGRADE_PATH.stepPrerelease', { ...params, step }, target);
  return noPath('NO_UPGRADE_PATH.stepPlatform', { ...params, step, platform: String(options.platform) }, target);
}

export function planUpgradePath(
  installed: string,
  releases: Release[],
  goal: UpgradeGoal,
  options: PlanOptions = {},
): UpgradePlan {
  const from = parseVersion(installed);
  assertGoal(goal);
  if (!Array.isArray(releases)) throw new HicareError('INVALID_INPUT.releasesList');
  if (options.platform !== undefined && (typeof options.platform !== 'string' || options.platform.length === 0)) {
    throw new HicareError('INVALID_INPUT.planPlatform');
  }

  const all: { release: Release; version: SemVer }[] = [];
  const product = releases[0]?.product;
  for (const r of releases) {
    const version = assertPlannable(r);
    if (r.product !== product) {
      throw new HicareError(
        'INVALID_INPUT.mixedProducts',
        { first: String(product), second: r.product },
        { products: [product, r.product] },
      );
    }
    all.push({ release: r, version });
  }

  // Only releases newer than the installed version and no newer than the goal can be on a path to it.
  let within: (v: SemVer) => boolean = () => true;
  let isGoal: (v: SemVer) => boolean = () => true;
  let goalName = '';
  if ('version' in goal) {
    const target = parseVersion(goal.version);
    if (from.compare(target) >= 0) return { ok: true, hops: [] };
    within = (v) => v.compare(target) <= 0;
    isGoal = (v) => v.compare(target) === 0;
    goalName = `${product ?? 'version'} ${goal.version}`;
  } else if ('major' in goal) {
    if (from.major >= goal.major) return { ok: true, hops: [] };
    within = (v) => v.major <= goal.major;
    isGoal = (v) => v.major === goal.major;
    goalName = `${product ?? 'major'} ${goal.major}.x`;
  }

  const candidates: { release: Release; version: SemVer }[] = [];
  let excluded: { release: Release; why: Exclusion } | undefined;
  for (const c of all) {
    if (c.version.compare(from) <= 0 || !within(c.version)) continue;
    const why = exclusionOf(c.release, c.version, options);
    if (why === undefined) candidates.push(c);
    else if (isGoal(c.version)) excluded ??= { release: c.release, why };
  }
  const nodes = buildNodes(candidates);
  const goals = nodes.filter((n) => isGoal(n.version));
  if (goals.length === 0) {
    if ('newest' in goal) return { ok: true, hops: [] };
    const params = { installed, goal: goalName };
    if (excluded?.why === 'prerelease') {
      return noPath('NO_UPGRADE_PATH.goalPrerelease', { ...params, version: excluded.release.version });
    }
    if (excluded?.why === 'platform') {
      return noPath('NO_UPGRADE_PATH.goalPlatform', {
        ...params,
        version: excluded.release.version,
        platform: String(options.platform),
      });
    }
    return noPath('NO_UPGRADE_PATH.goalMissing', params);
  }

  const parent = new Int32Array(nodes.length).fill(UNVISITED);
  let frontier: number[] = [];
  let pending: number[] = [];
  for (const [i, node] of nodes.entries()) {
    if (node.range === undefined || node.range.test(from)) {
      parent[i] = FROM_INSTALLED;
      frontier.push(i);
    } else {
      pending.push(i);
    }
  }
  let best = -1;
  while (frontier.length > 0) {
    for (const i of frontier) {
      // newer wins; for a version goal, equal builds keep feed order
      if (isGoal((nodes[i] as Node).version) && (best < 0 || (!('version' in goal) && i > best))) best = i;
    }
    if (best >= 0 && !('newest' in goal)) break;
    const next: number[] = [];
    const still: number[] = [];
    for (const i of pending) {
      const p = parentIn(frontier, nodes, nodes[i] as Node);
      if (p === UNVISITED) {
        still.push(i);
      } else {
        parent[i] = p;
        next.push(i);
      }
    }
    frontier = next;
    pending = still;
  }
  if (best >= 0) return { ok: true, hops: pathTo(best, parent, nodes) };
  const target = goals[goals.length - 1] as Node;
  return blocked(installed, target.release, all, options);
}

export interface DirectInstallInput {
  /** The version the system runs now. */
  installed: string;
  serialNumber: string;
  /** The release to install. */
  release: Release;
  /** The product's releases the path may go through (the same feed the planner takes). */
  releases: Release[];
  options?: PlanOptions;
}

/**
 * Whether a release may be installed directly over the installed version: a release whose `minUpgradeFrom` the
 * installed version does not satisfy would skip a hop (a database migration, a data conversion) that the vendor
 * requires, so it is refused with the path that leads there. Null when the direct install is fine.
 */
export function directInstallRefusal(input: DirectInstallInput, locale: DisplayLocale = 'en'): HicareError | null {
  const { installed, serialNumber, release } = input;
  if (satisfiesMinUpgradeFrom(installed, release)) return null;
  // The range goes in words of `locale`: the language the refusal is first shown in.
  const params = {
    name: `${productLabel(release.product)} ${release.version}`,
    range: rangeInWords(release.minUpgradeFrom ?? '*', locale),
    serialNumber,
    installed,
  };
  const plan = planUpgradePath(installed, input.releases, { version: release.version }, input.options);
  const path = plan.ok ? plan.hops.map((h) => h.version) : [];
  const details = { serialNumber, installed, version: release.version, path };
  const first = path[0];
  if (first !== undefined) {
    return new HicareError('UPGRADE_PATH_REQUIRED.direct', { ...params, first, path: path.join(' → ') }, details);
  }
  if (plan.ok) return new HicareError('UPGRADE_PATH_REQUIRED.noPath', params, details);
  const why = plan.key?.slice('NO_UPGRADE_PATH.'.length) ?? 'noPath';
  const planned = plan.params ?? {};
  return new HicareError(
    'UPGRADE_PATH_REQUIRED.blocked',
    {
      ...params,
      why,
      version: planned['version'] ?? release.version,
      minUpgradeFrom: planned['range'] ?? '*',
      step: planned['step'] ?? '',
      platform: planned['platform'] ?? '',
    },
    details,
  );
}
