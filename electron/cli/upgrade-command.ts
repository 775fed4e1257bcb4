/**
 * `hicare upgrade --serial S --to VERSION`: plans the path to a version (every hop checked against the contract
 * before anything is downloaded), shows it hop by hop with the verdicts, asks, then installs hop by hop with each
 * hop's log and stops at the first failure, saying where.
 */
import { productLabel } from '../../shared/domain/product-label.js';
import { rangeInWords } from '../../shared/domain/range-words.js';
import { HicareError } from '../../shared/errors.js';
import { intlLocale } from '../../shared/i18n/format.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translator } from '../../shared/i18n/translator.js';
import { planPath, runPath, type PathPlan } from '../core/client/upgrade-path.js';
import { parse, UsageError } from './commands.js';
import { confirmOrStop } from './confirm.js';
import type { CliContext } from './context.js';

function emit(ctx: CliContext, value: unknown, text: string): void {
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify(value, null, 2));
  else ctx.io.out(text);
}

/** The path as a person reads it: one line per hop, with what the contract says and what the hop installs over. */
export function renderPath(plan: PathPlan, locale: DisplayLocale = 'en'): string {
  const t = translator(locale);
  const product = productLabel(plan.product);
  const lines = plan.hops.map((h, i) => {
    const range = h.target.custom.minUpgradeFrom;
    const hop = { step: i + 1, product, version: h.version, kind: h.verdict.kind };
    const line =
      range === undefined
        ? t('cli.upgrade.hop', hop)
        : t('cli.upgrade.hopOver', { ...hop, range: rangeInWords(range, locale) });
    return `${line}\n     ${h.target.name}`;
  });
  return [
    t('cli.upgrade.pathFor', {
      serial: plan.serialNumber,
      path: [plan.fromVersion, ...plan.hops.map((h) => h.version)].join(' → '),
    }),
    ...lines,
  ].join('\n');
}

/** Where a path stopped: at which hop, and what the system runs now. */
export function stoppedAt(plan: PathPlan, failedHop: number, locale: DisplayLocale = 'en'): string {
  const t = translator(locale);
  const done = plan.hops.slice(0, failedHop).map((h) => h.version);
  const where = { version: plan.hops[failedHop]?.version ?? '?', step: failedHop + 1, count: plan.hops.length };
  if (done.length === 0)
    return t('cli.upgrade.stoppedNothingDone', { ...where, serial: plan.serialNumber, from: plan.fromVersion });
  const list = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(done);
  return t('cli.upgrade.stoppedSomeDone', { ...where, done: list, doneCount: done.length });
}

export async function upgradeCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { t } = ctx;
  const { values } = parse(args, { serial: { type: 'string' }, to: { type: 'string' }, yes: { type: 'boolean' } });
  if (values.serial === undefined || values.to === undefined) throw new UsageError('cli.usage.upgradeNeeds');
  const serial = values.serial;
  const client = ctx.client();
  const plan = await planPath(client, serial, values.to, { previews: ctx.settings.get().includePreviews });
  const count = plan.hops.length;
  const text = (s: string): void => {
    if (ctx.flags.json !== true) ctx.io.err(s);
  };
  text(`${renderPath(plan, ctx.locale)}\n`);
  await confirmOrStop(ctx, {
    question: t('cli.upgrade.question', { count, serial }),
    yes: values.yes,
    undone: 'install',
    command: `hicare upgrade --serial ${serial} --to ${values.to}`,
  });
  const product = productLabel(plan.product);
  const outcome = await runPath(client, plan, {
    onHopStart: (i, hop) => text(`\n${t('cli.upgrade.step', { step: i + 1, count, product, version: hop.version })}\n`),
    onLog: (_i, line) => text(`${line.text}\n`),
    onHopDone: (_i, hop, result) =>
      text(`${t('cli.upgrade.hopDone', { version: hop.version, detected: result.detectedVersion })}\n`),
  });
  if (!outcome.ok) {
    const done = outcome.results.map((r) => r.detectedVersion);
    if (outcome.error instanceof HicareError) {
      const e = outcome.error;
      // The hop's own error, in the reader's language, after where the path stopped.
      const body = e.toBody(ctx.locale);
      const stopped = stoppedAt(plan, outcome.failedHop, ctx.locale);
      throw HicareError.fromBody(
        {
          code: body.code,
          message: t('cli.upgrade.stoppedBecause', { stopped, problem: body.message }),
          remedy: body.remedy,
        },
        { ...e.details, stoppedAt: plan.hops[outcome.failedHop]?.version, done },
      );
    }
    throw outcome.error;
  }
  const last = outcome.results[outcome.results.length - 1];
  emit(
    ctx,
    {
      installed: true,
      serialNumber: serial,
      fromVersion: plan.fromVersion,
      path: plan.hops.map((h) => h.version),
      detectedVersion: last?.detectedVersion ?? null,
    },
    t('cli.upgrade.upgraded', {
      serial,
      path: [plan.fromVersion, ...outcome.results.map((r) => r.detectedVersion)].join(' → '),
    }),
  );
}
