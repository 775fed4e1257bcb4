/**
 * The releases one system is offered, as the app receives them: every build of a long-lived product newer than the
 * installed version, each judged by the real entitlement `verdict()` against a real contract, newest first (the
 * order the system screen shows). Deterministic, so every run measures the same list.
 *
 * The system is remote equipment of any platform, so it is offered the Linux, Windows and macOS builds of each
 * version. Its Upgrade Support contract ended at the close of 2021 ("earned" releases stay available), so the list
 * mixes allowed updates and upgrades with releases locked for being published after the contract ended, previews,
 * and late patches of lines past their end of maintenance.
 */
import type { Candidate } from '../../../renderer/src/screens/systems/CandidateCard.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { Contract } from '../../../shared/domain/contract.js';
import type { LineLifecycle, Release } from '../../../shared/domain/release.js';
import { verdict } from '../../../shared/domain/verdict.js';

export const FEED_PRODUCT = 'atlas';
export const FEED_SERIAL = 'NW-ATL-0001';
export const FEED_CONTRACT_ID = 'UPS-2019-NW';
const INSTALLED = '4.2.1';
const NOW = new Date('2026-06-01T08:00:00Z');
const HOUR_MS = 3_600_000;
const BUILDS = [
  { platform: 'linux', arch: 'x64', ext: 'tar.gz', installer: 'archive' },
  { platform: 'win', arch: 'x64', ext: 'msi', installer: 'msi' },
  { platform: 'mac', arch: 'arm64', ext: 'pkg', installer: 'pkg' },
] as const;

/** Versions after the installed one: per major, ten minors of a release candidate and nine patches. */
function versionsAfter(installed: string, count: number): string[] {
  const [fromMajor = 0, fromMinor = 0, fromPatch = 0] = installed.split('.').map(Number);
  const out: string[] = [];
  for (let major = fromMajor; out.length < count; major++) {
    for (let minor = major === fromMajor ? fromMinor : 0; minor < 10 && out.length < count; minor++) {
      const sameMinor = major === fromMajor && minor === fromMinor;
      if (!sameMinor) out.push(`${major}.${minor}.0-rc.1`);
      for (let patch = sameMinor ? fromPatch + 1 : 0; patch < 9 && out.length < count; patch++)
        out.push(`${major}.${minor}.${patch}`);
    }
  }
  return out;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `rows` candidates (the newest first), three builds per version. */
export function releaseFeed(rows: number): Candidate[] {
  const versions = versionsAfter(INSTALLED, Math.ceil(rows / BUILDS.length));
  const start = Date.parse('2019-03-04T09:30:00Z');
  const published = (i: number) => start + i * 10 * HOUR_MS;
  const gaOf = new Map<number, number>();
  versions.forEach((v, i) => {
    const major = Number(v.split('.')[0]);
    if (!gaOf.has(major)) gaOf.set(major, published(i));
  });
  // Even lines leave maintenance a month after GA, so their later patches arrive locked.
  const lifecycles: LineLifecycle[] = [...gaOf].map(([major, ga]) => ({
    product: FEED_PRODUCT,
    major,
    ga: isoDate(ga),
    ...(major % 2 === 0 ? { endOfMaintenance: isoDate(ga + 30 * 24 * HOUR_MS) } : {}),
  }));
  const contract: Contract = {
    id: FEED_CONTRACT_ID,
    customerId: 'northwind',
    tier: 'upgrade-support',
    region: 'EMEA',
    timeZone: 'Europe/Berlin',
    startDate: '2019-01-01',
    endDate: '2021-12-31',
    systems: [{ serialNumber: FEED_SERIAL, product: FEED_PRODUCT, location: 'Plant 3, line B' }],
    licensedMajors: { [FEED_PRODUCT]: 4 },
  };
  const system = { serialNumber: FEED_SERIAL, product: FEED_PRODUCT, installedVersion: INSTALLED };
  const candidates: Candidate[] = [];
  versions.forEach((version, i) => {
    const publishedAt = new Date(published(i)).toISOString();
    const release: Release = {
      product: FEED_PRODUCT,
      version,
      publishedAt,
      platforms: BUILDS.map((b) => `${b.platform}-${b.arch}`),
    };
    const judged = verdict({ contracts: [contract], system, release, lifecycles, now: NOW });
    for (const [b, build] of BUILDS.entries()) {
      if (candidates.length >= rows) break;
      const fileName = `${FEED_PRODUCT}-${version}-${build.platform}-${build.arch}.${build.ext}`;
      const target: ReleaseTarget = {
        name: `${FEED_PRODUCT}/${version}/${build.platform}-${build.arch}/${fileName}`,
        // 180 MB to 1.9 GB, growing with the product, different per platform.
        length: 180_000_000 + i * 480_000 + b * 37_000_000 + ((i * 7919) % 13) * 1_000_000,
        sha256: ((i * 31 + b) >>> 0).toString(16).padStart(8, '0').repeat(8),
        custom: {
          product: FEED_PRODUCT,
          version,
          platform: build.platform,
          arch: build.arch,
          installer: { type: build.installer, args: [], timeoutSeconds: 900, elevate: build.platform !== 'linux' },
          detection: { kind: 'file', path: 'VERSION' },
          publishedAt,
          notes: `Fixes in ${version}.\nSecurity: updated bundled OpenSSL.`,
        },
      };
      candidates.push({ target, verdict: judged });
    }
  });
  return candidates.reverse();
}
