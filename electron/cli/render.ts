/** Plain-text rendering for the terminal: tables and verdicts in words (progress bars are in progress-bars.ts). */
import type { ContractView } from '../../shared/contracts/entitlement.js';
import { tierName } from '../../shared/domain/contract.js';
import { rangeInWords } from '../../shared/domain/range-words.js';
import { satisfiesMinUpgradeFrom } from '../../shared/domain/release.js';
import type { ReleaseTargetCustom } from '../../shared/contracts/catalog.js';
import { licensedVersionPhrases } from '../../shared/domain/licence.js';
import { formatCalendarDate } from '../../shared/i18n/format.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { localizeProblem } from '../../shared/i18n/problem.js';
import { translator, type Translate } from '../../shared/i18n/translator.js';
import type { InventorySystem } from '../core/inventory/inventory.js';
import type { SystemResolution } from '../core/resolver/resolver.js';
import { displayWidth, padToWidth } from '../../shared/display-width.js';

/** Columns two spaces apart, padded by terminal width so Chinese headers and cells line up too. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => padToWidth(cell, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function contractHead(c: ContractView, t: Translate, locale: DisplayLocale): string {
  const tier = tierName(c.tier, locale);
  switch (c.status) {
    case 'pending':
      return t('cli.contracts.pending', { id: c.id, tier, days: c.daysUntilStart });
    case 'expired':
      return t('cli.contracts.expired', { id: c.id, tier });
    case 'expiring':
      return t('cli.contracts.expiring', { id: c.id, tier, days: c.daysLeft });
    case 'active':
      return t('cli.contracts.active', { id: c.id, tier, days: c.daysLeft });
  }
}

export function renderContracts(contracts: readonly ContractView[], locale: DisplayLocale = 'en'): string {
  const t = translator(locale);
  return contracts
    .map((c) =>
      [
        contractHead(c, t, locale),
        // The service period is days on the contract's calendar: written as they are, with its zone named once.
        t('cli.contracts.servicePeriod', {
          start: formatCalendarDate(locale, c.startDate),
          end: formatCalendarDate(locale, c.endDate),
          zone: c.timeZone,
          region: c.region,
        }),
        ...(Object.keys(c.licensedMajors).length === 0
          ? []
          : [
              t('cli.contracts.licensed', {
                phrases: licensedVersionPhrases(c, locale).join(t('cli.contracts.licensedSeparator')),
              }),
            ]),
        ...c.systems.map((s) => `  ${s.serialNumber}  ${s.product}  ${s.location}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** The installed version, marked when the admin entered one that is not in the vendor's catalog. */
function installedWords(s: Pick<InventorySystem, 'installedVersion' | 'notInCatalog'>, t: Translate): string {
  if (s.installedVersion === null) return t('cli.systems.unknownVersion');
  return s.notInCatalog === true ? t('cli.systems.notInCatalog', { version: s.installedVersion }) : s.installedVersion;
}

export function renderSystems(systems: readonly InventorySystem[], locale: DisplayLocale = 'en'): string {
  const t = translator(locale);
  return table([
    [
      t('cli.systems.serial'),
      t('cli.systems.product'),
      t('cli.systems.installed'),
      t('cli.systems.source'),
      t('cli.systems.platform'),
      t('cli.systems.location'),
    ],
    ...systems.map((s) => [
      s.serialNumber,
      s.product,
      installedWords(s, t),
      s.versionSource === null ? '-' : t('cli.systems.sourceOf', { source: s.versionSource }),
      s.platform ?? t('cli.systems.remote'),
      s.location,
    ]),
  ]);
}

/** For a release that would skip a hop: what it installs over, in words, and the command that takes the path. */
function pathNeeded(
  system: SystemResolution['system'],
  release: ReleaseTargetCustom,
  t: Translate,
  locale: DisplayLocale,
): string {
  const range = release.minUpgradeFrom;
  if (
    range === undefined ||
    system.installedVersion === null ||
    satisfiesMinUpgradeFrom(system.installedVersion, { ...release, minUpgradeFrom: range })
  )
    return '';
  const words = t('cli.check.installsOnlyOver', {
    range: rangeInWords(range, locale),
    serial: system.serialNumber,
    version: release.version,
  });
  return `\n                          ${words}`;
}

export function renderCheck(resolutions: readonly SystemResolution[], locale: DisplayLocale = 'en'): string {
  const t = translator(locale);
  // The kind column is as wide as its widest word in this language ("update " / "upgrade", "更新" / "升级").
  const kinds = { update: t('cli.check.update'), upgrade: t('cli.check.upgrade') };
  const kindWidth = Math.max(displayWidth(kinds.update), displayWidth(kinds.upgrade));
  return resolutions
    .map((r) => {
      const installed =
        r.system.installedVersion === null ? t('cli.check.versionUnknown') : installedWords(r.system, t);
      const head = `${r.system.serialNumber}  ${r.system.product} ${installed}  ${r.system.location}`;
      const candidates = [...r.updates, ...r.upgrades].sort((a, b) =>
        a.target.custom.version < b.target.custom.version ? 1 : -1,
      );
      if (r.system.installedVersion === null)
        return `${head}\n  ${t('cli.check.enterVersion', { serial: r.system.serialNumber })}`;
      // A version outside the catalog cannot be up to date: the catalog only says nothing newer is in it.
      if (candidates.length === 0)
        return `${head}\n  ${r.system.notInCatalog === true ? t('cli.check.nothingNewerNotInCatalog') : t('cli.check.upToDate')}`;
      const lines = candidates.map((c) => {
        const kind = padToWidth(c.verdict.kind === 'upgrade' ? kinds.upgrade : kinds.update, kindWidth);
        if (c.verdict.allowed)
          return `  ✓ ${kind} ${c.target.custom.version.padEnd(12)} ${c.target.name}${pathNeeded(r.system, c.target.custom, t, locale)}`;
        const why = c.verdict.reasons
          .map((x) => {
            const { message, remedy } = localizeProblem(locale, x);
            return `${x.code}: ${message} → ${remedy}`;
          })
          .join('\n                          ');
        const notice =
          c.withdrawn === undefined
            ? ''
            : `\n                          ${t('cli.check.withdrawnNotice', {
                downloadedAt: c.withdrawn.downloadedAt,
                withdrawnAt: c.withdrawn.at,
              })}`;
        return `  ✗ ${kind} ${c.target.custom.version.padEnd(12)} ${why}${notice}`;
      });
      const plan = r.recommended?.plan;
      const path =
        plan?.ok === true && plan.hops.length > 0
          ? `  ${t('cli.check.pathTo', {
              version: r.recommended?.version ?? '',
              path: [r.system.installedVersion, ...plan.hops.map((h) => h.version)].join(' → '),
            })}`
          : '';
      return [head, ...lines, ...(path === '' ? [] : [path])].join('\n');
    })
    .join('\n\n');
}

/** The check as --json writes it: the same fields, each verdict reason's message and remedy in the reader's language. */
export function localizedResolutions(
  resolutions: readonly SystemResolution[],
  locale: DisplayLocale,
): SystemResolution[] {
  const candidates = (list: SystemResolution['updates']) =>
    list.map((c) => ({
      ...c,
      verdict: { ...c.verdict, reasons: c.verdict.reasons.map((x) => ({ ...x, ...localizeProblem(locale, x) })) },
    }));
  return resolutions.map((r) => ({ ...r, updates: candidates(r.updates), upgrades: candidates(r.upgrades) }));
}
