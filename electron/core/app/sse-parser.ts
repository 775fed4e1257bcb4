/**
 * Server-sent events, read incrementally through eventsource-parser: text arrives in arbitrary chunks (a frame may be
 * split anywhere, lines end in LF, CRLF or CR), and each complete frame is handed on as its event name and data.
 * Comments (the portal's heartbeats) are skipped. The last id is kept to be sent back as Last-Event-ID; the portal
 * opens every stream with a `ready` frame that carries its starting id, because the library reports only frames with
 * data.
 */
import { createParser, type EventSourceParser } from 'eventsource-parser';

export interface SseFrame {
  event: string;
  data: string;
}

/** A frame larger than this is a broken or hostile stream: the reader gives up on it rather than grow forever. */
const MAX_FRAME_CHARS = 1024 * 1024;

export class SseParser {
  private readonly parser: EventSourceParser;
  private lastId = '';
  private failure: Error | null = null;

  constructor(onFrame: (frame: SseFrame) => void) {
    this.parser = createParser({
      maxBufferSize: MAX_FRAME_CHARS,
      onEvent: (message) => {
        // As the SSE standard says: an id with a NUL in it is ignored.
        if (message.id !== undefined && !message.id.includes('\u0000')) this.lastId = message.id;
        onFrame({ event: message.event ?? 'message', data: message.data });
      },
      onError: (error) => {
        // Unknown fields are the server's business; only a frame past the size limit ends the stream.
        if (error.type === 'max-buffer-size-exceeded')
          this.failure = new Error('an event of the live stream is too large');
      },
    });
  }

  push(chunk: string): void {
    this.parser.feed(chunk);
    if (this.failure !== null) throw this.failure;
  }

  /** The id of the last frame that ended, '' when none named one. */
  get lastEventId(): string {
    return this.lastId;
  }
}
