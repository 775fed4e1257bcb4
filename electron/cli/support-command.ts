/**
 * `hicare support-bundle`: the app log, operation records, failed installations and settings of this desktop,
 * redacted, in one .tar.gz for the vendor's support. --preview prints every file as it would be sent and writes
 * nothing, so the person running it can read what leaves the desktop first.
 */
import { resolve } from 'node:path';
import { systemClock } from '../core/adapters.js';
import { defaultPaths } from '../core/paths.js';
import { gatherSupportFiles, SupportBundle, type SupportBundleSource } from '../core/support/index.js';
import { parse, UsageError } from './commands.js';
import type { CliContext } from './context.js';

import { cliVersion } from './version.js';

function sourceOf(ctx: CliContext): SupportBundleSource {
  return {
    dataDirectory: ctx.dataDirectory,
    app: { name: 'hicare', version: cliVersion(), host: 'cli', platform: `${process.platform}-${process.arch}` },
    settings: () => ctx.settings.get(),
    clock: systemClock,
  };
}

export async function supportBundleCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, { out: { type: 'string' }, preview: { type: 'boolean' } });
  if (values.preview === true && values.out !== undefined) throw new UsageError('cli.usage.previewOrOut');
  const source = sourceOf(ctx);
  if (values.preview === true) {
    const files = (await gatherSupportFiles(source)).map((f) => ({
      name: f.name,
      bytes: Buffer.byteLength(f.text),
      text: f.text,
    }));
    if (ctx.flags.json === true) ctx.io.out(JSON.stringify({ files }, null, 2));
    else {
      const { t } = ctx;
      const list = files.map((f) => t('cli.support.file', { name: f.name, bytes: f.bytes })).join('\n');
      const texts = files
        .map(
          (f) =>
            `${t('cli.support.fileHeader', { name: f.name, bytes: f.bytes })}\n${f.text.endsWith('\n') ? f.text : `${f.text}\n`}`,
        )
        .join('\n');
      ctx.io.out(
        `${t('cli.support.wouldHold', { count: files.length })}\n${list}\n\n${texts}\n${t('cli.support.nothingWritten')}`,
      );
    }
    return;
  }
  const folder =
    ctx.settings.get().downloadDirectory ?? defaultPaths(ctx.io.env as NodeJS.ProcessEnv).downloadDirectory;
  const written = await new SupportBundle(source).export(
    values.out === undefined ? { folder } : { path: resolve(values.out) },
  );
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify(written, null, 2));
  else ctx.io.out(ctx.t('cli.support.written', { path: written.path, bytes: written.bytes }));
}
