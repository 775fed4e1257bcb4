/**
 * `hicare-portal release list|show|withdraw|restore` and `line list|set`: the back office's release operations at the
 * portal's command line, through the same functions as the admin API, audited as the operator running them.
 */
import { ListQuerySchema } from '../../../shared/contracts/admin/paging.js';
import type { LineView, ReleaseDetail, ReleaseSummary } from '../../../shared/contracts/admin/releases.js';
import { formatInstant } from '../../../shared/i18n/format.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import { commandLineActor } from '../../admin/audit.js';
import {
  listLines,
  listReleases,
  restoreRelease,
  setLine,
  showRelease,
  withdrawRelease,
  type ReleasesContext,
} from '../../admin/releases.js';
import { parse } from '../commands.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, printListing, printRecord, readerLocale, readerT } from './output.js';

const PAGE_FLAGS = {
  q: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
  product: { type: 'string' },
} as const;

const PHASE_KEYS = {
  'before-ga': 'beforeGa',
  maintained: 'maintained',
  'past-end-of-maintenance': 'pastEndOfMaintenance',
  'past-end-of-service': 'pastEndOfService',
  'no-lifecycle': 'noLifecycle',
} as const;

function phaseWords(t: Translate, phase: LineView['phase']): string {
  return t(`admin.releases.phases.${PHASE_KEYS[phase]}`);
}

function whole(t: Translate, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(t('admin.releases.cli.number', { flag }));
  return Number(value);
}

function pageQuery(t: Translate, values: { q?: string; offset?: string; limit?: string }) {
  const parsed = ListQuerySchema.safeParse({
    ...(values.q === undefined ? {} : { q: values.q }),
    ...(values.offset === undefined ? {} : { offset: whole(t, 'offset', values.offset) }),
    ...(values.limit === undefined ? {} : { limit: whole(t, 'limit', values.limit) }),
  });
  if (!parsed.success) throw new UsageError(t('admin.releases.cli.number', { flag: 'limit' }));
  return parsed.data;
}

function footer(t: Translate, page: { offset: number; total: number; items: unknown[] }): string {
  return t('admin.cli.pageFooter', {
    first: page.items.length === 0 ? 0 : page.offset + 1,
    last: page.offset + page.items.length,
    total: page.total,
  });
}

function context(db: ReleasesContext['db'], catalog: ReleasesContext['catalog'], io: CliEnvironment): ReleasesContext {
  return { db, catalog, now: io.now };
}

export async function releaseCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      ...OUTPUT_FLAGS,
      ...PAGE_FLAGS,
      version: { type: 'string' },
      reason: { type: 'string' },
      withdrawn: { type: 'string' },
    },
    1,
  );
  const t = readerT(values.lang, io.env);
  const locale = readerLocale(values.lang, io.env);
  const format = outputFormat(values, t);
  const sub = positionals[0];
  if (sub === 'list') {
    const given = values.withdrawn;
    if (given !== undefined && given !== 'yes' && given !== 'no') throw new UsageError(t('admin.releases.cli.usage'));
    const withdrawn: 'yes' | 'no' | undefined = given;
    const query = {
      ...pageQuery(t, values),
      ...(values.product === undefined ? {} : { product: values.product }),
      ...(withdrawn === undefined ? {} : { withdrawn }),
    };
    const page = await withStorage(values, io, ({ db, catalog }) => listReleases(context(db, catalog, io), query));
    printListing<ReleaseSummary>(io, format, page, {
      columns: [
        { header: t('admin.releases.product'), value: (r) => r.product },
        { header: t('admin.releases.version'), value: (r) => r.version },
        { header: t('admin.releases.step'), value: (r) => t(`admin.releases.steps.${r.step}`) },
        { header: t('admin.releases.published'), value: (r) => r.publishedAt },
        { header: t('admin.releases.size'), value: (r) => r.size },
        { header: t('admin.releases.lifecycle'), value: (r) => phaseWords(t, r.linePhase) },
        { header: t('admin.releases.withdrawn'), value: (r) => r.withdrawn?.at ?? '' },
        { header: t('admin.releases.downloads'), value: (r) => r.downloads },
      ],
      rows: page.items,
      footer: footer(t, page),
    });
    return;
  }
  if (sub !== 'show' && sub !== 'withdraw' && sub !== 'restore') throw new UsageError(t('admin.releases.cli.usage'));
  const product = values.product;
  const version = values.version;
  if (product === undefined || version === undefined) throw new UsageError(t('admin.releases.cli.needsRelease'));
  if (sub === 'withdraw' && (values.reason === undefined || values.reason.trim() === ''))
    throw new UsageError(t('admin.releases.cli.needsReason'));
  const detail = await withStorage(values, io, ({ db, catalog }) => {
    const ctx = context(db, catalog, io);
    if (sub === 'withdraw') return withdrawRelease(ctx, commandLineActor(), product, version, values.reason ?? '');
    if (sub === 'restore') return restoreRelease(ctx, commandLineActor(), product, version);
    return showRelease(ctx, product, version);
  });
  printDetail(io, format, t, locale, detail);
}

function printDetail(
  io: CliEnvironment,
  format: ReturnType<typeof outputFormat>,
  t: Translate,
  locale: ReturnType<typeof readerLocale>,
  d: ReleaseDetail,
): void {
  const w = d.withdrawn;
  printRecord(io, format, d, [
    [t('admin.releases.product'), d.product],
    [t('admin.releases.version'), d.version],
    [t('admin.releases.step'), t(`admin.releases.steps.${d.step}`)],
    [t('admin.releases.published'), formatInstant(locale, d.publishedAt)],
    [t('admin.releases.prerelease'), t(d.prerelease ? 'admin.releases.yes' : 'admin.releases.no')],
    [t('admin.releases.size'), String(d.size)],
    [t('admin.releases.platforms'), d.platforms.join(', ')],
    [t('admin.releases.minUpgradeFrom'), d.minUpgradeFrom ?? t('admin.releases.anyVersion')],
    [t('admin.releases.lifecycle'), phaseWords(t, d.linePhase)],
    [
      t('admin.releases.withdrawn'),
      w === null
        ? t('admin.releases.no')
        : t('admin.releases.cli.withdrawn', { withdrawnAt: w.at, by: w.by, reason: w.reason }),
    ],
    [t('admin.releases.downloads'), String(d.downloads)],
    ...d.downloadsByCustomer.map((c): [string, string] => [
      `  ${c.customerName ?? t('admin.releases.unknownCustomer')}`,
      `${c.downloads} / ${t('admin.releases.systems')} ${c.systems}`,
    ]),
  ]);
}

export async function lineCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      ...OUTPUT_FLAGS,
      ...PAGE_FLAGS,
      major: { type: 'string' },
      ga: { type: 'string' },
      'end-of-maintenance': { type: 'string' },
      'end-of-service': { type: 'string' },
      'wait-seconds': { type: 'string' },
    },
    1,
  );
  const t = readerT(values.lang, io.env);
  const format = outputFormat(values, t);
  const sub = positionals[0];
  if (sub === 'list') {
    const query = { ...pageQuery(t, values), ...(values.product === undefined ? {} : { product: values.product }) };
    const page = await withStorage(values, io, ({ db, catalog }) => listLines(context(db, catalog, io), query));
    printListing<LineView>(io, format, page, {
      columns: [
        { header: t('admin.releases.product'), value: (l) => l.product },
        { header: t('admin.releases.line'), value: (l) => `${l.major}.x` },
        { header: t('admin.releases.ga'), value: (l) => l.ga },
        { header: t('admin.releases.endOfMaintenance'), value: (l) => l.endOfMaintenance },
        { header: t('admin.releases.endOfService'), value: (l) => l.endOfService },
        { header: t('admin.releases.phase'), value: (l) => phaseWords(t, l.phase) },
        { header: t('admin.releases.releaseCount'), value: (l) => l.releases },
      ],
      rows: page.items,
      footer: footer(t, page),
    });
    return;
  }
  if (sub !== 'set') throw new UsageError(t('admin.releases.cli.lineUsage'));
  const product = values.product;
  if (product === undefined || values.major === undefined || values.ga === undefined)
    throw new UsageError(t('admin.releases.cli.needsLine'));
  if (!/^\d{1,6}$/.test(values.major)) throw new UsageError(t('admin.releases.cli.major'));
  const major = Number(values.major);
  const waitSeconds = Math.min(whole(t, 'wait-seconds', values['wait-seconds']) ?? 60, 60);
  const body = {
    ga: values.ga,
    ...(values['end-of-maintenance'] === undefined ? {} : { endOfMaintenance: values['end-of-maintenance'] }),
    ...(values['end-of-service'] === undefined ? {} : { endOfService: values['end-of-service'] }),
    waitSeconds,
  };
  const result = await withStorage(values, io, ({ db, catalog }) =>
    setLine(context(db, catalog, io), commandLineActor(), product, major, body),
  );
  if (format === 'json') {
    io.print(JSON.stringify(result, null, 2));
    return;
  }
  io.print(
    result.state === 'done'
      ? t('admin.releases.lineSaved', { product, major, resigned: result.resigned })
      : t('admin.releases.lineQueued', { product, major, job: result.job }),
  );
}
