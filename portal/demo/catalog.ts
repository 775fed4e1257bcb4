/**
 * The demo world's release history, as plain data for the seed. It is shaped to exercise every rule of DESIGN.md
 * §3.2: a multi-hop upgrade path (atlas 1.4.2 → 1.9.0 → 2.3.1), a prerelease, a line past end of maintenance
 * (beacon 1.x) and a release whose installer fails (cobalt 4.2.1), so the whole journey can be walked.
 */
import { majorOf, type LineLifecycle, type Release } from '../../shared/domain/release.js';
import type { Platform } from '../../shared/contracts/catalog.js';

export interface DemoTarget {
  platform: Platform;
  arch: 'x64';
}

export interface DemoRelease {
  product: string;
  version: string;
  publishedAt: string;
  notes: string;
  minUpgradeFrom?: string;
  platforms: DemoTarget[];
  /** Its installer fails the pre-install check (see DEMO_INSTALL_FAILURE). */
  installerFails?: true;
}

export interface DemoProduct {
  id: string;
  name: string;
  description: string;
}

/** What the failing installer prints and how it exits; the known-issue article is written against the same text. */
export const DEMO_INSTALL_FAILURE = {
  product: 'cobalt',
  version: '4.2.1',
  exitCode: 3,
  cause:
    'ERROR 1603: pre-install check failed: service cobalt-agent is still running (pid 4711); stop the service and retry',
  /** The part of the cause that identifies the issue on any machine (the pid differs). */
  signature: 'pre-install check failed: service cobalt-agent is still running',
} as const;

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    id: 'atlas',
    name: 'Atlas Asset Manager',
    description: 'Inventory, maintenance planning and reporting for plant assets.',
  },
  {
    id: 'beacon',
    name: 'Beacon Alarm Console',
    description: 'Collects, correlates and escalates alarms from field equipment.',
  },
  {
    id: 'cobalt',
    name: 'Cobalt Data Collector',
    description: 'An agent that gathers performance measurements and ships them to Atlas.',
  },
];

const ALL: DemoTarget[] = [
  { platform: 'linux', arch: 'x64' },
  { platform: 'win', arch: 'x64' },
  { platform: 'mac', arch: 'x64' },
];

/** One lifecycle per major line that has reached GA; atlas 3.x has only a release candidate, so no dates yet. */
export const DEMO_LIFECYCLES: readonly LineLifecycle[] = [
  { product: 'atlas', major: 1, ga: '2023-03-06', endOfMaintenance: '2027-03-31', endOfService: '2027-12-31' },
  { product: 'atlas', major: 2, ga: '2025-06-16' },
  { product: 'beacon', major: 1, ga: '2021-09-06', endOfMaintenance: '2025-09-30', endOfService: '2026-12-31' },
  { product: 'beacon', major: 2, ga: '2024-10-14' },
  { product: 'cobalt', major: 4, ga: '2025-02-03' },
];

const lines = (...text: string[]): string => text.join('\n');

export const DEMO_RELEASES: readonly DemoRelease[] = [
  {
    product: 'atlas',
    version: '1.4.2',
    publishedAt: '2024-03-12T09:00:00Z',
    notes: lines(
      'Fixes a crash in the report scheduler when a job has no time zone set.',
      'Asset import accepts CSV files saved with a byte-order mark.',
    ),
    platforms: ALL,
  },
  {
    product: 'atlas',
    version: '1.8.0',
    publishedAt: '2024-11-19T09:00:00Z',
    notes: lines(
      'New: maintenance plans can be copied between sites.',
      'The asset register loads about three times faster on sites with more than 50,000 assets.',
      'Database schema 18: existing data is migrated on first start; allow a few minutes on large sites.',
    ),
    platforms: ALL,
  },
  {
    product: 'atlas',
    version: '1.9.0',
    publishedAt: '2025-04-08T09:00:00Z',
    notes: lines(
      'Prepares the database for Atlas 2: the 2.x upgrade requires 1.8.0 or later, and 2.3 requires 1.9.0.',
      'Work orders can carry attachments up to 50 MB.',
      'Security: the bundled OpenSSL is updated to 3.0.16.',
    ),
    platforms: ALL,
  },
  {
    product: 'atlas',
    version: '2.0.0',
    publishedAt: '2025-06-16T09:00:00Z',
    minUpgradeFrom: '>=1.8.0',
    notes: lines(
      'Atlas 2: a new planning board, role-based dashboards and a REST API for integrations.',
      'Upgrading requires Atlas 1.8.0 or later; older installations update to 1.9.0 first.',
      'Removed: the legacy SOAP endpoint (deprecated since 1.6).',
    ),
    platforms: ALL,
  },
  {
    product: 'atlas',
    version: '2.3.1',
    publishedAt: '2026-02-24T09:00:00Z',
    minUpgradeFrom: '>=1.9.0 || ^2',
    notes: lines(
      'Fixes dashboards showing yesterday\u2019s figures after a daylight-saving change.',
      'The REST API returns 429 with Retry-After instead of 503 when a client exceeds its rate limit.',
      'Upgrades directly from 1.9.0 or any 2.x release.',
    ),
    platforms: ALL,
  },
  {
    product: 'atlas',
    version: '3.0.0-rc.1',
    publishedAt: '2026-10-20T09:00:00Z',
    minUpgradeFrom: '^2.3.0',
    notes: lines(
      'Release candidate for Atlas 3: not for production systems.',
      'New storage engine for measurement history; plan for a long first start while history is converted.',
      'Requires Atlas 2.3.0 or later.',
    ),
    platforms: ALL,
  },
  {
    product: 'beacon',
    version: '1.5.0',
    publishedAt: '2023-02-14T09:00:00Z',
    notes: lines('Alarm shelving with automatic expiry.', 'SNMP v3 traps with SHA-256 authentication.'),
    platforms: ALL,
  },
  {
    product: 'beacon',
    version: '1.6.3',
    publishedAt: '2025-08-26T09:00:00Z',
    notes: lines(
      'Last maintenance release of Beacon 1.x: maintenance ends on 2025-09-30, service on 2026-12-31.',
      'Fixes escalation e-mails being sent twice when the mail server answers slowly.',
    ),
    platforms: ALL,
  },
  {
    product: 'beacon',
    version: '2.0.0',
    publishedAt: '2024-10-14T09:00:00Z',
    minUpgradeFrom: '>=1.6.0',
    notes: lines(
      'Beacon 2: correlation rules, a web console replacing the desktop client, and high availability pairs.',
      'Upgrading requires Beacon 1.6.0 or later; alarm history is migrated on first start.',
    ),
    platforms: ALL,
  },
  {
    product: 'beacon',
    version: '2.1.4',
    publishedAt: '2026-07-07T09:00:00Z',
    minUpgradeFrom: '>=1.6.0',
    notes: lines(
      'Fixes correlation rules that never fired when an alarm source had a space in its name.',
      'The web console remembers column widths per user.',
    ),
    platforms: ALL,
  },
  {
    product: 'cobalt',
    version: '4.0.0',
    publishedAt: '2025-02-03T09:00:00Z',
    notes: lines(
      'Cobalt 4: the collector runs as the cobalt-agent service.',
      'Measurements are buffered on disk while Atlas is unreachable.',
    ),
    platforms: ALL,
  },
  {
    product: 'cobalt',
    version: '4.1.0',
    publishedAt: '2025-07-15T09:00:00Z',
    notes: lines('Modbus TCP sources.', 'The disk buffer is capped at 2 GB by default (setting buffer.maxBytes).'),
    platforms: ALL,
  },
  {
    product: 'cobalt',
    version: '4.2.0',
    publishedAt: '2026-04-20T09:00:00Z',
    notes: lines(
      'OPC UA sources with certificate authentication.',
      'Fixes a memory leak when a source reconnects every few seconds.',
    ),
    platforms: ALL,
  },
  {
    product: 'cobalt',
    version: '4.2.1',
    publishedAt: '2026-10-06T09:00:00Z',
    notes: lines(
      'Fixes measurements being dropped when the disk buffer reaches its cap.',
      'The installer checks that cobalt-agent is stopped before replacing its files.',
    ),
    platforms: ALL,
    installerFails: true,
  },
];

export function demoProduct(id: string): DemoProduct | undefined {
  return DEMO_PRODUCTS.find((p) => p.id === id);
}

export function demoRelease(product: string, version: string): DemoRelease | undefined {
  return DEMO_RELEASES.find((r) => r.product === product && r.version === version);
}

/** The lifecycle of a release's major line, or undefined for a line that has not reached GA. */
export function demoLifecycleOf(product: string, version: string): LineLifecycle | undefined {
  const major = majorOf(version);
  return DEMO_LIFECYCLES.find((l) => l.product === product && l.major === major);
}

/** The release in the shape the shared domain rules take (platform names like `linux-x64`). */
export function toDomainRelease(r: DemoRelease): Release {
  const release: Release = {
    product: r.product,
    version: r.version,
    publishedAt: r.publishedAt,
    platforms: r.platforms.map((t) => `${t.platform}-${t.arch}`),
  };
  if (r.minUpgradeFrom !== undefined) release.minUpgradeFrom = r.minUpgradeFrom;
  return release;
}

/** Every package the seed builds: one per release and platform. */
export function demoPackageSpecs(): {
  product: string;
  version: string;
  platform: Platform;
  arch: 'x64';
  fail: boolean;
}[] {
  return DEMO_RELEASES.flatMap((r) =>
    r.platforms.map((t) => ({
      product: r.product,
      version: r.version,
      platform: t.platform,
      arch: t.arch,
      fail: r.installerFails === true,
    })),
  );
}
