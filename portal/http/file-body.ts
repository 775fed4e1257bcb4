/**
 * A byte range of an open file written to a response through a few reused blocks. A read stream piped into the
 * response allocates a fresh buffer for every read — a gigabyte of garbage per gigabyte served, whose collection
 * costs more CPU than moving the bytes — and a Transform to count them adds a hop per chunk. Here each block is
 * read into, handed to the socket, and read into again only once the socket's write callback says the kernel has
 * the bytes: a Buffer given to `write` must not change before then.
 */
import type { FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

/** Big enough that a gigabyte is a few thousand reads and writes, small enough that blocks stay cheap to keep. */
export const BLOCK_BYTES = 256 * 1024;
/** Blocks one response may have at the socket at once: reading the next overlaps sending the last. */
export const BLOCKS_IN_FLIGHT = 4;
/** Spare blocks kept between responses; past that, a finished response's blocks are left to the collector. */
const SPARE_LIMIT = 64;

const spare: Buffer[] = [];

function takeBlock(): Buffer {
  return spare.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES);
}

function giveBack(block: Buffer): void {
  if (spare.length < SPARE_LIMIT) spare.push(block);
}

/** The file was shorter than its stat said when the response began: the client must not take what it got as whole. */
export class FileEndedEarly extends Error {
  constructor(
    readonly sent: number,
    readonly expected: number,
  ) {
    super(`the package file ended after ${sent} of ${expected} bytes`);
  }
}

/**
 * Writes bytes `start`..`end` (inclusive) of `file` to `res` and ends it; `onBytes` hears each block as it is handed
 * to the connection. Resolves once the last block was handed over, or as soon as the response was closed by the
 * client (nothing more is read then); rejects when the file fails or ends early, leaving the response to the caller.
 */
export async function writeFileRange(
  res: ServerResponse,
  file: FileHandle,
  start: number,
  end: number,
  onBytes: (n: number) => void,
): Promise<void> {
  const stop = end + 1;
  let position = start;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const woken = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  // A write callback may never come for a write the closing socket dropped: closing wakes the loop too.
  res.once('close', woken);
  try {
    while (position < stop) {
      while (inFlight >= BLOCKS_IN_FLIGHT && !res.destroyed) await new Promise<void>((resume) => (wake = resume));
      if (res.destroyed) return;
      const block = takeBlock();
      let read: number;
      try {
        ({ bytesRead: read } = await file.read(block, 0, Math.min(BLOCK_BYTES, stop - position), position));
      } catch (error) {
        giveBack(block);
        throw error;
      }
      if (read === 0) {
        giveBack(block);
        throw new FileEndedEarly(position - start, stop - start);
      }
      if (res.destroyed) {
        giveBack(block);
        return;
      }
      position += read;
      inFlight += 1;
      onBytes(read);
      // The callback comes once the socket is done with the block (sent, or dropped with an error): only then reuse.
      res.write(read === block.length ? block : block.subarray(0, read), () => {
        inFlight -= 1;
        giveBack(block);
        woken();
      });
    }
    res.end();
  } finally {
    res.off('close', woken);
  }
}
