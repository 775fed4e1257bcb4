/** Download progress: one bar per file on a terminal, nothing at all for scripts, --json or -q. */
import { describe, expect, it } from 'vitest';
import { CliContext, type CliIo, type GlobalFlags } from '../../../electron/cli/context.js';
import { progressBars } from '../../../electron/cli/progress-bars.js';

function context(flags: GlobalFlags, errIsTty: boolean): { ctx: CliContext; written: () => string } {
  let err = '';
  const io: CliIo = {
    env: { HICARE_HOME: '/nonexistent-hicare-home' },
    out: () => undefined,
    err: (s) => (err += s),
    errIsTty,
    errColumns: 120,
    readStdin: () => Promise.resolve(''),
  };
  return { ctx: new CliContext(io, flags, 'en'), written: () => err };
}

// Cursor movements and colours stripped: what a person sees on the lines.
const visible = (s: string): string =>
  s
    .replace(/\x1B\[[0-9;?]*[A-Za-z]|\x1B[78]/g, '') // eslint-disable-line no-control-regex
    .replace(/\r/g, '\n');

describe('progressBars', () => {
  it('draws a bar for each file downloading side by side, each with its share, bytes and name', () => {
    const { ctx, written } = context({}, true);
    const bars = progressBars(ctx);
    bars.update('atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz', 45_000_000, 100_000_000);
    bars.update('beacon/2.0.0/linux-x64/beacon.tar.gz', 10_000_000, 10_000_000);
    bars.stop();
    const text = visible(written());
    expect(text).toMatch(/\[#{11}\.{13}\] {2}45% {2}45\.0 MB\/100\.0 MB .* atlas-1\.9\.0-linux-x64\.tar\.gz/);
    expect(text).toMatch(/\[#{24}\] 100% {2}10\.0 MB\/10\.0 MB .* beacon\.tar\.gz/);
  });

  it('writes nothing without a terminal, with --json or with -q', () => {
    for (const [flags, tty] of [
      [{}, false],
      [{ json: true }, true],
      [{ quiet: true }, true],
    ] as const) {
      const { ctx, written } = context(flags, tty);
      const bars = progressBars(ctx);
      bars.start('a.tgz', 10);
      bars.update('a.tgz', 5);
      bars.stop();
      expect(written()).toBe('');
    }
  });
});
