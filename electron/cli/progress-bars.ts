/**
 * Progress bars on standard error, one per file, all redrawn together (cli-progress's MultiBar). Drawn only where a
 * person watches: a terminal, without --json or -q; elsewhere every call does nothing, so a command can report
 * progress without asking first.
 */
import { MultiBar, type Options, type Params, type SingleBar } from 'cli-progress';
import type { Translate } from '../../shared/i18n/translator.js';
import type { CliContext } from './context.js';

export interface ProgressBars {
  /** A bar for `name`, `total` bytes long. */
  start(name: string, total: number): void;
  /** `name` has `value` bytes; a name not started yet gets its bar now. */
  update(name: string, value: number, total?: number): void;
  /** The bars stay as they were last drawn and the cursor goes below them. */
  stop(): void;
}

const SILENT: ProgressBars = { start() {}, update() {}, stop() {} };

/** Bytes in the unit that keeps a small package from reading as 0.0 MB. */
function size(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(1)} kB`;
}

/** `[#####.....]  45%  12.0/26.7 MB  8.1 MB/s  ETA 2s  name`, the ETA word in the CLI's language. */
function line(t: Translate) {
  return (options: Options, params: Params, payload: { name?: string }): string => {
    const width = options.barsize ?? 24;
    const filled = Math.round(params.progress * width);
    const seconds = Math.max((Date.now() - params.startTime) / 1000, 0.001);
    const rate = params.value / seconds;
    const eta =
      params.value >= params.total || rate === 0
        ? ''
        : `  ${t('cli.download.eta', { seconds: Math.ceil((params.total - params.value) / rate) })}`;
    const percent = String(Math.floor(params.progress * 100)).padStart(3);
    const name = payload.name?.split('/').at(-1) ?? '';
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%  ${size(params.value)}/${size(params.total)}  ${size(rate)}/s${eta}  ${name}`;
  };
}

export function progressBars(ctx: CliContext): ProgressBars {
  if (!ctx.io.errIsTty || !ctx.chatty) return SILENT;
  // cli-progress draws with cursor movements written to a stream; this one writes through the CLI's stderr.
  const stream = {
    isTTY: true,
    columns: ctx.io.errColumns ?? 80,
    write: (text: string): boolean => {
      ctx.io.err(text);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const multi = new MultiBar({
    stream,
    format: line(ctx.t),
    barsize: 24,
    hideCursor: true,
    clearOnComplete: false,
    stopOnComplete: false,
    fps: 10,
  });
  const bars = new Map<string, SingleBar>();
  return {
    start(name, total) {
      if (!bars.has(name)) bars.set(name, multi.create(total, 0, { name }));
    },
    update(name, value, total) {
      const bar = bars.get(name);
      if (bar === undefined) {
        bars.set(name, multi.create(total ?? value, value, { name }));
        return;
      }
      if (total !== undefined && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(value);
    },
    stop() {
      if (bars.size > 0) multi.stop();
    },
  };
}
