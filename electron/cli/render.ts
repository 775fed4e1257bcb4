/** Plain-text rendering for the terminal: tables, verdicts in words, and the download progress bar. */
import type { ContractView } from '../../shared/contracts/entitlement.js';
import { TIER_NAMES } from '../../shared/domain/contract.js';
import { rangeInWords } from '../../shared/domain/range-words.js';
import { satisfiesMinUpgradeFrom } from '../../shared/domain/release.js';
import type { ReleaseTargetCustom } from '../../shared/contracts/catalog.js';
import { licensedVersionPhrases } from '../../shared/domain/licence.js';
import type { InventorySystem } from '../core/inventory/inventory.js';
import type { SystemResolution } from '../core/resolver/resolver.js';
import type { ProgressEvent } from '../core/downloads/index.js';

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderContracts(contracts: readonly ContractView[]): string {
  return contracts
    .map((c) =>
      [
        `${c.id}  ${TIER_NAMES[c.tier]}  ${c.status}${c.status === 'pending' ? ` (starts in ${c.daysUntilStart} days)` : c.status === 'expired' ? '' : ` (${c.daysLeft} days left)`}`,
        `  service period ${c.startDate} – ${c.endDate}, ${c.region}`,
        ...(Object.keys(c.licensedMajors).length === 0
          ? []
          : [`  Licensed versions: ${licensedVersionPhrases(c).join('; ')}`]),
        ...c.systems.map((s) => `  ${s.serialNumber}  ${s.product}  ${s.location}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** The installed version, marked when the admin entered one that is not in the vendor's catalog. */
function installedWords(s: Pick<InventorySystem, 'installedVersion' | 'notInCatalog'>): string {
  if (s.installedVersion === null) return '(unknown)';
  return s.notInCatalog === true ? `${s.installedVersion} (not in the catalog)` : s.installedVersion;
}

export function renderSystems(systems: readonly InventorySystem[]): string {
  return table([
    ['SERIAL', 'PRODUCT', 'INSTALLED', 'SOURCE', 'PLATFORM', 'LOCATION'],
    ...systems.map((s) => [
      s.serialNumber,
      s.product,
      installedWords(s),
      s.versionSource ?? '-',
      s.platform ?? 'remote',
      s.location,
    ]),
  ]);
}

/** For a release that would skip a hop: what it installs over, in words, and the command that takes the path. */
function pathNeeded(system: SystemResolution['system'], release: ReleaseTargetCustom): string {
  const range = release.minUpgradeFrom;
  if (
    range === undefined ||
    system.installedVersion === null ||
    satisfiesMinUpgradeFrom(system.installedVersion, { ...release, minUpgradeFrom: range })
  )
    return '';
  return `\n                          installs only over ${rangeInWords(range)}: hicare upgrade --serial ${system.serialNumber} --to ${release.version}`;
}

export function renderCheck(resolutions: readonly SystemResolution[]): string {
  return resolutions
    .map((r) => {
      const head = `${r.system.serialNumber}  ${r.system.product} ${r.system.installedVersion === null ? '(version unknown)' : installedWords(r.system)}  ${r.system.location}`;
      const candidates = [...r.updates, ...r.upgrades].sort((a, b) =>
        a.target.custom.version < b.target.custom.version ? 1 : -1,
      );
      if (r.system.installedVersion === null)
        return `${head}\n  Enter the installed version: hicare systems set-version ${r.system.serialNumber} VERSION`;
      // A version outside the catalog cannot be up to date: the catalog only says nothing newer is in it.
      if (candidates.length === 0)
        return `${head}\n  ${r.system.notInCatalog === true ? 'No newer release in the catalog (the installed version is not in it).' : 'Up to date.'}`;
      const lines = candidates.map((c) => {
        const kind = c.verdict.kind === 'upgrade' ? 'upgrade' : 'update ';
        if (c.verdict.allowed)
          return `  ✓ ${kind} ${c.target.custom.version.padEnd(12)} ${c.target.name}${pathNeeded(r.system, c.target.custom)}`;
        const why = c.verdict.reasons
          .map((x) => `${x.code}: ${x.message} → ${x.remedy}`)
          .join('\n                          ');
        return `  ✗ ${kind} ${c.target.custom.version.padEnd(12)} ${why}`;
      });
      const plan = r.recommended?.plan;
      const path =
        plan?.ok === true && plan.hops.length > 0
          ? `  Path to ${r.recommended?.version ?? ''}: ${[r.system.installedVersion, ...plan.hops.map((h) => h.version)].join(' → ')}`
          : '';
      return [head, ...lines, ...(path === '' ? [] : [path])].join('\n');
    })
    .join('\n\n');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** One line, redrawn in place: `[#####.....]  45%  12.0/26.7 MB  8.1 MB/s  ETA 2s  name`. */
export function progressLine(p: ProgressEvent, width = 24): string {
  const fraction = p.totalBytes === 0 ? 1 : p.receivedBytes / p.totalBytes;
  const filled = Math.round(fraction * width);
  const eta = p.etaSeconds === null ? '' : `  ETA ${Math.ceil(p.etaSeconds)}s`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${megabytes(p.receivedBytes)}/${megabytes(p.totalBytes)}  ${megabytes(p.bytesPerSecond)}/s${eta}  ${p.name.split('/').at(-1) ?? p.name}`;
}
