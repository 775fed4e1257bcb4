/**
 * `hicare upgrade --serial S --to VERSION`: plans the path to a version (every hop checked against the contract
 * before anything is downloaded), shows it hop by hop with the verdicts, asks, then installs hop by hop with each
 * hop's log and stops at the first failure, saying where.
 */
import { productLabel } from '../../shared/domain/product-label.js';
import { rangeInWords } from '../../shared/domain/range-words.js';
import { HicareError } from '../../shared/errors.js';
import { planPath, runPath, stoppedWords, type PathPlan } from '../core/client/upgrade-path.js';
import { parse, UsageError } from './commands.js';
import { confirmOrStop } from './confirm.js';
import type { CliContext } from './context.js';

function emit(ctx: CliContext, value: unknown, text: string): void {
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify(value, null, 2));
  else ctx.io.out(text);
}

/** The path as a person reads it: one line per hop, with what the contract says and what the hop installs over. */
export function renderPath(plan: PathPlan): string {
  const name = productLabel(plan.product);
  const lines = plan.hops.map((h, i) => {
    const over =
      h.target.custom.minUpgradeFrom === undefined
        ? ''
        : `, installs over ${rangeInWords(h.target.custom.minUpgradeFrom)}`;
    return `  ${i + 1}. ${name} ${h.version}  ${h.verdict.kind}, included in your contract${over}\n     ${h.target.name}`;
  });
  return [
    `Path for ${plan.serialNumber}: ${[plan.fromVersion, ...plan.hops.map((h) => h.version)].join(' → ')}`,
    ...lines,
  ].join('\n');
}

export async function upgradeCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, { serial: { type: 'string' }, to: { type: 'string' }, yes: { type: 'boolean' } });
  if (values.serial === undefined || values.to === undefined) throw new UsageError('Give --serial S and --to VERSION.');
  const serial = values.serial;
  const client = ctx.client();
  const plan = await planPath(client, serial, values.to, { previews: ctx.settings.get().includePreviews });
  const count = plan.hops.length;
  const text = (s: string): void => {
    if (ctx.flags.json !== true) ctx.io.err(s);
  };
  text(`${renderPath(plan)}\n`);
  await confirmOrStop(ctx, {
    question: `Install these ${count} ${count === 1 ? 'release' : 'releases'} on ${serial}?`,
    yes: values.yes,
    nothingDone: 'Nothing was installed.',
    command: `hicare upgrade --serial ${serial} --to ${values.to}`,
  });
  const outcome = await runPath(client, plan, {
    onHopStart: (i, hop) =>
      text(`\nStep ${i + 1} of ${count}: installing ${productLabel(plan.product)} ${hop.version}\n`),
    onLog: (_i, line) => text(`${line.text}\n`),
    onHopDone: (_i, hop, result) => text(`${hop.version} installed: version ${result.detectedVersion} detected.\n`),
  });
  if (!outcome.ok) {
    const where = stoppedWords(plan, outcome.failedHop);
    const done = outcome.results.map((r) => r.detectedVersion);
    if (outcome.error instanceof HicareError) {
      const e = outcome.error;
      throw new HicareError(e.code, `${where} ${e.message}`, e.remedy, {
        ...e.details,
        stoppedAt: plan.hops[outcome.failedHop]?.version,
        done,
      });
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
    `Upgraded ${serial}: ${[plan.fromVersion, ...outcome.results.map((r) => r.detectedVersion)].join(' → ')}.`,
  );
}
