/**
 * The installer's output as a support engineer reads it: stdout and stderr interleaved line by line in the order
 * they arrived, each stamped. Bounded: past the cap the first half and the last half are kept (the start says what
 * was attempted, the end says why it failed) with a line saying how much was left out.
 */
import { StringDecoder } from 'node:string_decoder';

export type LogStream = 'stdout' | 'stderr';

export interface LogLine {
  stream: LogStream;
  text: string;
  at: string;
}

export const DEFAULT_LOG_CAP = 2 * 1024 * 1024;
/** A "line" without a newline for this long is cut, so one runaway line cannot take the whole budget. */
const MAX_LINE = 16 * 1024;

function render(line: LogLine): string {
  return `${line.at} ${line.stream === 'stdout' ? 'out' : 'err'} ${line.text}`;
}

export class InstallLog {
  private readonly head: string[] = [];
  private readonly tail: string[] = [];
  private headBytes = 0;
  private tailBytes = 0;
  private omittedLines = 0;
  private omittedBytes = 0;
  private readonly pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  private readonly decoders: Record<LogStream, StringDecoder> = {
    stdout: new StringDecoder('utf8'),
    stderr: new StringDecoder('utf8'),
  };
  private firstError = '';
  private lastError = '';

  constructor(
    private readonly now: () => Date,
    private readonly onLine?: (line: LogLine) => void,
    private readonly cap = DEFAULT_LOG_CAP,
  ) {}

  write(stream: LogStream, chunk: Buffer | string): void {
    let text = this.pending[stream] + (typeof chunk === 'string' ? chunk : this.decoders[stream].write(chunk));
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      this.line(stream, text.slice(0, nl));
      text = text.slice(nl + 1);
      nl = text.indexOf('\n');
    }
    while (text.length > MAX_LINE) {
      this.line(stream, text.slice(0, MAX_LINE));
      text = text.slice(MAX_LINE);
    }
    this.pending[stream] = text;
  }

  /** Emits what is left of unterminated lines; call once the process has ended. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.pending[stream] + this.decoders[stream].end();
      this.pending[stream] = '';
      if (rest !== '') this.line(stream, rest);
    }
  }

  private line(stream: LogStream, raw: string): void {
    const line: LogLine = { stream, text: raw.replace(/\r$/, ''), at: this.now().toISOString() };
    if (stream === 'stderr' && line.text.trim() !== '') {
      // installers stamp their own lines; the cause reads better without the stamp
      const said = line.text.trim().replace(/^\[?\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\]?\s+/, '');
      this.lastError = said;
      if (this.firstError === '' && /\b(error|fatal|failed)\b/i.test(said)) this.firstError = said;
    }
    this.onLine?.(line);
    const rendered = render(line);
    const bytes = Buffer.byteLength(rendered) + 1;
    if (this.tail.length === 0 && this.headBytes + bytes <= this.cap / 2) {
      this.head.push(rendered);
      this.headBytes += bytes;
      return;
    }
    this.tail.push(rendered);
    this.tailBytes += bytes;
    while (this.tailBytes > this.cap / 2 && this.tail.length > 1) {
      const dropped = this.tail.shift() as string;
      this.tailBytes -= Buffer.byteLength(dropped) + 1;
      this.omittedLines += 1;
      this.omittedBytes += Buffer.byteLength(dropped) + 1;
    }
  }

  /** The installer's own statement of the cause: its first stderr line naming an error, else its last stderr line. */
  cause(): string {
    return this.firstError !== '' ? this.firstError : this.lastError;
  }

  get truncated(): boolean {
    return this.omittedLines > 0;
  }

  /** The whole captured log as text, one line per output line. */
  text(): string {
    const middle = this.truncated ? [`... ${this.omittedLines} lines (${this.omittedBytes} bytes) left out ...`] : [];
    const lines = [...this.head, ...middle, ...this.tail];
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }
}
