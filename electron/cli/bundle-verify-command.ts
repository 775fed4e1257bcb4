/**
 * `hicare bundle verify (FILE | --mirror URL) [--serial S] [--contract C]`: checks a bundle file, or what a site
 * mirror serves, with no network beyond that mirror, against the root this machine trusts and says what it allows —
 * as of the statement's issue date, until when, for which contract and systems — and keeps the newer roots and
 * versions it proved, as an online check would.
 */
import { resolve } from 'node:path';
import { formatBytesIn } from '../../shared/i18n/format-amounts.js';
import { SHIPPED_ROOT } from '../core/shipped-root.js';
import { openBundleSource } from '../core/bundle/offline-source.js';
import { verifyBundle, type BundleVerdict } from '../core/bundle/verify.js';
import { parse, UsageError } from './commands.js';
import type { CliContext } from './context.js';

/** The verdict in the reader's words: what a person checks before carrying the bundle to the equipment. */
export function renderVerdict(ctx: CliContext, verdict: BundleVerdict): string {
  const { t } = ctx;
  return [
    t('bundle.offline.verifiedAsOf', { issuedDate: verdict.issuedAt.slice(0, 10) }),
    t('bundle.offline.validUntil', { validUntilAt: verdict.validUntil }),
    t('bundle.offline.contract', { contract: verdict.contract.id }),
    t('bundle.offline.serials', { count: verdict.serials.length, serials: verdict.serials.join(', ') }),
    t('bundle.offline.catalog', { root: verdict.rootVersion, targets: verdict.targetsVersion }),
    t('bundle.offline.packages', { count: verdict.packages.length }),
    ...verdict.packages.map((p) =>
      t('bundle.offline.package', {
        file: p.file,
        product: p.product,
        version: p.version,
        platform: p.platform,
        size: formatBytesIn(ctx.locale, p.length),
      }),
    ),
  ].join('\n');
}

/** The verdict for a script: everything but the signed targets' custom metadata, which the packages summarise. */
export function verdictJson(verdict: BundleVerdict): Omit<BundleVerdict, 'releases'> {
  const { releases: _releases, ...rest } = verdict;
  return rest;
}

export async function bundleVerifyCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    { serial: { type: 'string' }, contract: { type: 'string' }, mirror: { type: 'string' } },
    { max: 1 },
  );
  // One source, as for install: the file carried to the site, or the site mirror serving it, checked the same way.
  if (values.mirror !== undefined && positionals[0] !== undefined)
    throw new UsageError('cli.usage.unexpectedArgument', { argument: positionals[0] });
  if (values.mirror === undefined && positionals[0] === undefined) throw new UsageError('cli.usage.missingArgument');
  const contents = await openBundleSource(
    values.mirror === undefined ? { file: resolve(positionals[0] ?? '') } : { mirror: values.mirror },
  );
  try {
    const verdict = await verifyBundle(
      contents,
      { dataDirectory: ctx.dataDirectory, rootFile: ctx.settings.get().trustRootPath ?? SHIPPED_ROOT },
      {
        now: new Date(),
        serial: values.serial,
        ...(values.contract === undefined ? {} : { contracts: [values.contract] }),
      },
    );
    if (ctx.flags.json === true) ctx.io.out(JSON.stringify(verdictJson(verdict), null, 2));
    else ctx.io.out(renderVerdict(ctx, verdict));
  } finally {
    await contents.close();
  }
}
