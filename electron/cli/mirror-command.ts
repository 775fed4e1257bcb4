/** `hicare mirror serve BUNDLE… --port P [--host H]`: a site's portal for catalog and packages, from bundles. */
import { resolve } from 'node:path';
import { HicareError } from '../../shared/errors.js';
import { formatInstant } from '../../shared/i18n/format.js';
import { serveMirror } from '../core/bundle/mirror-server.js';
import { parse, UsageError } from './commands.js';
import type { CliContext } from './context.js';

function portOf(value: string | undefined): number {
  const port = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || port > 65535)
    throw new HicareError('INVALID_INPUT.mirrorPort', { value: value ?? '' });
  return port;
}

export async function mirrorCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'serve')
    throw new UsageError(sub === undefined ? 'cli.usage.missingArgument' : 'cli.usage.unexpectedArgument', {
      argument: sub ?? '',
    });
  const { values, positionals } = parse(rest, { port: { type: 'string' }, host: { type: 'string' } }, { max: 1000 });
  if (positionals.length === 0) throw new HicareError('INVALID_INPUT.mirrorNoBundles');
  const port = portOf(values.port);
  const mirror = await serveMirror(
    positionals.map((p) => resolve(p)),
    { port, ...(values.host === undefined ? {} : { host: values.host }) },
  );
  const { t } = ctx;
  const when = (instant: string | null) => (instant === null ? '?' : formatInstant(ctx.locale, instant));
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify({ url: mirror.url, ...mirror.index }));
  else
    ctx.io.out(
      [
        t('bundle.mirror.serving', { count: mirror.index.bundles.length, url: mirror.url }),
        ...mirror.index.bundles.map((b) =>
          t('bundle.mirror.bundle', {
            index: b.index,
            file: b.file,
            createdAt: when(b.createdAt),
            portal: b.portal,
            serials: b.serials.join(', '),
            count: b.targets.length,
            validUntil: when(b.validUntil),
          }),
        ),
        t('bundle.mirror.current', { url: mirror.url, index: mirror.index.current }),
        t('bundle.mirror.stop'),
      ].join('\n'),
    );
  // Runs until the operator stops it; the answers in flight are ended, then the command returns.
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void mirror.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
