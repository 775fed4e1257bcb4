/**
 * `hicare bundle create --serial S… (--release NAME… | --updates | --path-to VERSION) --out FILE [--valid-days N]`:
 * writes an offline bundle and says what went in — the systems, each package by the file name it installs as and
 * its size, and until when the statement holds — or all of it as JSON.
 */
import { resolve } from 'node:path';
import { STATEMENT_MAX_DAYS } from '../../shared/contracts/bundle.js';
import { HicareError } from '../../shared/errors.js';
import { formatInstant } from '../../shared/i18n/format.js';
import { createBundle, type BundleSelection } from '../core/bundle/create.js';
import { parse } from './commands.js';
import type { CliContext } from './context.js';
import { progressBars } from './progress-bars.js';

function selectionOf(values: { release?: string[]; updates?: boolean; 'path-to'?: string }): BundleSelection {
  const given = [values.release !== undefined, values.updates === true, values['path-to'] !== undefined];
  if (given.filter(Boolean).length !== 1) throw new HicareError('INVALID_INPUT.bundleSelection');
  if (values.release !== undefined) return { kind: 'release', names: values.release };
  if (values['path-to'] !== undefined) return { kind: 'pathTo', version: values['path-to'] };
  return { kind: 'updates' };
}

function validDaysOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > STATEMENT_MAX_DAYS)
    throw new HicareError('INVALID_INPUT.bundleValidDays', { value, max: STATEMENT_MAX_DAYS });
  return days;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export async function bundleCreateCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { t } = ctx;
  const { values } = parse(args, {
    serial: { type: 'string', multiple: true },
    release: { type: 'string', multiple: true },
    updates: { type: 'boolean' },
    'path-to': { type: 'string' },
    out: { type: 'string' },
    'valid-days': { type: 'string' },
  });
  const serials = [...new Set(values.serial ?? [])];
  if (serials.length === 0) throw new HicareError('INVALID_INPUT.bundleSerialMissing');
  const selection = selectionOf(values);
  if (values.out === undefined || values.out === '') throw new HicareError('INVALID_INPUT.bundleOutMissing');
  const validDays = validDaysOf(values['valid-days']);
  const out = resolve(values.out);
  const client = ctx.client();
  // One bar per package while it downloads; the write that follows is a local copy and needs none.
  const bars = progressBars(ctx);
  const created = await createBundle(client, {
    serials,
    selection,
    out,
    ...(validDays === undefined ? {} : { validDays }),
    previews: ctx.settings.get().includePreviews,
    onProgress: (event) => {
      if (event.phase === 'download') bars.update(event.name, event.receivedBytes, event.totalBytes);
    },
  }).finally(() => bars.stop());
  const { signed } = created.statement;
  if (ctx.flags.json === true) {
    ctx.io.out(
      JSON.stringify(
        {
          file: created.file,
          bytes: created.bytes,
          createdAt: created.manifest.createdAt,
          portal: created.manifest.portal,
          serials: signed.serials,
          packages: created.packages,
          statement: { issuedAt: signed.issuedAt, validUntil: signed.validUntil, contract: signed.contract.id },
        },
        null,
        2,
      ),
    );
    return;
  }
  const when = (instant: string) => formatInstant(ctx.locale, instant);
  ctx.io.out(
    [
      t('bundle.create.wrote', { file: created.file, size: megabytes(created.bytes) }),
      t('bundle.create.systems', { serials: signed.serials.join(', ') }),
      t('bundle.create.packages'),
      ...created.packages.map((p) =>
        t('bundle.create.package', { file: p.file, size: megabytes(p.length), name: p.name }),
      ),
      t('bundle.create.valid', { issuedAt: when(signed.issuedAt), validUntil: when(signed.validUntil) }),
    ].join('\n'),
  );
}
