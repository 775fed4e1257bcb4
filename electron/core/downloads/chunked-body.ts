/**
 * Undoes chunked transfer coding where the bytes landed: the chunk data in a received range is moved down over the
 * framing (sizes, CRLFs, extensions, trailers), so the body stays in the very buffer it was read into. Servers send a
 * package with a length; chunked framing is for answers generated on the fly (error bodies, some proxies), so the
 * moves it costs are not on the fast path. Strict: a size line must be hex digits (an extension after `;` is
 * skipped), each chunk must end in CRLF, and size lines and trailers are bounded.
 */
import { HeadError } from './http-response-head.js';

/** A size line (with any extension) or a trailer line longer than this is refused. */
const LINE_LIMIT = 1024;
/** Trailer bytes allowed in all; trailers carry nothing this client reads. */
const TRAILER_LIMIT = 8 * 1024;

type State = 'size' | 'data' | 'dataCr' | 'dataLf' | 'trailer' | 'done';

export class ChunkedBody {
  private state: State = 'size';
  private line = '';
  /** Chunk data bytes still to come in the current chunk. */
  private left = 0;
  private trailerBytes = 0;

  get done(): boolean {
    return this.state === 'done';
  }

  /**
   * Decodes `bytes[start, end)` in place. Returns how many body bytes now lie at `bytes[start, start + n)`. Bytes after
   * the final chunk's trailers are ignored (the connection is closed after one answer).
   */
  decode(bytes: Buffer, start: number, end: number): number {
    let read = start;
    let write = start;
    while (read < end && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.left, end - read);
        if (write !== read) bytes.copyWithin(write, read, read + take);
        write += take;
        read += take;
        this.left -= take;
        if (this.left === 0) this.state = 'dataCr';
        continue;
      }
      const byte = bytes[read++]!;
      if (this.state === 'dataCr' || this.state === 'dataLf') {
        const expected = this.state === 'dataCr' ? 0x0d : 0x0a;
        if (byte !== expected) throw new HeadError('a chunk does not end in CRLF');
        this.state = this.state === 'dataCr' ? 'dataLf' : 'size';
        continue;
      }
      if (this.state === 'trailer' && (this.trailerBytes += 1) > TRAILER_LIMIT) {
        throw new HeadError('the chunked trailers are too long');
      }
      if (byte !== 0x0a) {
        this.line += String.fromCharCode(byte);
        if (this.line.length > LINE_LIMIT) throw new HeadError('a chunk size line is too long');
        continue;
      }
      if (!this.line.endsWith('\r')) throw new HeadError('a chunk line ends without CRLF');
      const line = this.line.slice(0, -1);
      this.line = '';
      if (this.state === 'trailer') {
        if (line === '') this.state = 'done';
        continue;
      }
      this.startChunk(line);
    }
    return write - start;
  }

  private startChunk(line: string): void {
    const size = line.split(';', 1)[0]!;
    if (!/^[0-9A-Fa-f]{1,12}$/.test(size)) throw new HeadError('a chunk size that is not hexadecimal');
    this.left = parseInt(size, 16);
    this.state = this.left === 0 ? 'trailer' : 'data';
  }
}
