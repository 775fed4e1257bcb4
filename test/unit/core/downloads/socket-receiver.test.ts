/**
 * The receiver against a raw socket server: heads and bodies split into any reads, a body placed into memory that is
 * scarce and freed late (the pause and resume), and what it refuses.
 */
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadError } from '../../../../electron/core/downloads/http-response-head.js';
import { HttpExchange, type BodyTarget } from '../../../../electron/core/downloads/socket-receiver.js';

let server: Server | undefined;

/** A server that writes `answer` in pieces of `piece` bytes, each after the client's last read was taken. */
async function serve(answer: Buffer, piece: number): Promise<URL> {
  server = createServer((socket: Socket) => {
    socket.once('data', async () => {
      for (let at = 0; at < answer.length; at += piece) {
        if (!socket.write(answer.subarray(at, at + piece))) await once(socket, 'drain');
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/p`);
}

afterEach(() => {
  server?.close();
  server = undefined;
});

/** Memory of `size` bytes that is handed out once, then given again only when the test frees it. */
class ScarceMemory implements BodyTarget {
  readonly received: Buffer[] = [];
  pauses = 0;
  private memory: Buffer | undefined;
  private waiting: (() => void) | undefined;

  constructor(private readonly size: number) {
    this.memory = Buffer.alloc(size);
  }

  region(): Buffer | undefined {
    return this.memory;
  }

  commit(bytes: number): void {
    if (bytes === 0) return;
    this.received.push(Buffer.from(this.memory!.subarray(0, bytes)));
    this.memory = undefined;
    // Freed later, as a block is once the disk and the hash are done with it.
    setTimeout(() => {
      this.memory = Buffer.alloc(this.size);
      this.waiting?.();
    }, 1);
  }

  whenRegionFree(): Promise<void> {
    this.pauses += 1;
    return this.memory !== undefined ? Promise.resolve() : new Promise((resolve) => (this.waiting = resolve));
  }
}

const body = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
const controller = new AbortController();
const exchange = (url: URL, headers: Record<string, string> = {}) =>
  HttpExchange.open({ url, headers, timeoutMs: 5_000, signal: controller.signal });

describe('the receiver', () => {
  it.each([
    ['with a length', Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body],
    [
      'chunked',
      Buffer.from(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n`),
      Buffer.concat([
        Buffer.from(`${(150_000).toString(16)}\r\n`),
        body.subarray(0, 150_000),
        Buffer.from(`\r\n${(50_000).toString(16)}\r\n`),
        body.subarray(150_000),
        Buffer.from('\r\n0\r\n\r\n'),
      ]),
    ],
    ['delimited by the close', Buffer.from('HTTP/1.1 200 OK\r\n\r\n'), body],
  ])('places a body %s into scarce memory exactly, whatever the reads', async (_how, head, framed) => {
    for (const piece of [7, 4096, 70_000]) {
      const url = await serve(Buffer.concat([head, framed]), piece);
      const { exchange: answer, head: parsed } = await exchange(url);
      const memory = new ScarceMemory(3000);
      await answer.receiveBody(memory);

      expect(parsed.status).toBe(200);
      expect(Buffer.concat(memory.received).equals(body)).toBe(true);
      expect(memory.pauses).toBeGreaterThan(0);
      server?.close();
    }
  });

  it('refuses an answer whose body ends before its length', async () => {
    const url = await serve(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort'), 100);
    const { exchange: answer } = await exchange(url);
    await expect(answer.receiveBody(new ScarceMemory(100))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('refuses a malformed head', async () => {
    const url = await serve(Buffer.from('HTTP/1.1 200 OK\r\nX: 1\r\n folded\r\n\r\n'), 3);
    await expect(exchange(url)).rejects.toBeInstanceOf(HeadError);
  });

  it('sends no request whose header would carry a line break', async () => {
    const url = await serve(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'), 100);
    let connections = 0;
    server!.on('connection', () => (connections += 1));
    await expect(exchange(url, { authorization: 'Bearer a\r\nX-Injected: 1' })).rejects.toMatchObject({
      code: 'ERR_INVALID_HEADER',
    });
    expect(connections).toBe(0);
  });
});
