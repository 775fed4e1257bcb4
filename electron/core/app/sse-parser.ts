/**
 * Server-sent events, read incrementally: text arrives in arbitrary chunks (a frame may be split anywhere, lines end
 * in LF, CRLF or CR), and each complete frame is handed on as its event name and data. Comment lines (the portal's
 * heartbeats) and fields other than `event`, `data` and `id` are skipped. The last id is kept the way browsers keep
 * it (an `id:` takes effect when its frame ends, even a frame without data), to be sent back as Last-Event-ID.
 */
export interface SseFrame {
  event: string;
  data: string;
}

/** A frame larger than this is a broken or hostile stream: the reader gives up on it rather than grow forever. */
const MAX_FRAME_CHARS = 1024 * 1024;

export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private size = 0;
  private afterCr = false;
  private idBuffer = '';
  private lastId = '';

  constructor(private readonly onFrame: (frame: SseFrame) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    // A CR that ended the last chunk may have been the first half of a CRLF: its LF ends nothing more.
    if (this.afterCr && this.buffer.startsWith('\n')) this.buffer = this.buffer.slice(1);
    this.afterCr = false;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (match === null) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      if (match[0] === '\r' && this.buffer === '') this.afterCr = true;
      this.line(line);
    }
    if (this.buffer.length + this.size > MAX_FRAME_CHARS) throw new Error('an event of the live stream is too large');
  }

  /** The id of the last frame that ended, '' when none named one. */
  get lastEventId(): string {
    return this.lastId;
  }

  private line(line: string): void {
    if (line === '') {
      this.lastId = this.idBuffer;
      if (this.data.length > 0) this.onFrame({ event: this.event === '' ? 'message' : this.event, data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      this.size = 0;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    // As the SSE standard says: an id with a NUL in it is ignored.
    else if (field === 'id' && !value.includes('\u0000')) this.idBuffer = value;
    else if (field === 'data') {
      this.data.push(value);
      this.size += value.length;
    }
  }
}
