/** The network cut the client benchmark resumes from. */
import { connect, createServer, type AddressInfo, type Server } from 'node:net';

/**
 * A proxy whose first connection dies once `cutAfter` bytes of the answer went through — a real cut, in the
 * network — and which reports the Range asked for by the connections after it, and how many body bytes (the answer
 * minus its head) crossed before the cut: what the client had received, measured outside the client.
 */
export async function cuttingProxy(
  target: string,
  cutAfter: number,
): Promise<{ server: Server; base: string; ranges: string[]; bodyBeforeCut: () => number }> {
  const upstream = new URL(target);
  const ranges: string[] = [];
  let connections = 0;
  let passed = 0;
  let head = Buffer.alloc(0);
  let headBytes: number | undefined;
  const server = createServer((client) => {
    const first = connections++ === 0;
    const origin = connect(Number(upstream.port), upstream.hostname);
    client.once('data', (request: Buffer) => {
      const range = /\r\nrange: *([^\r]*)/i.exec(request.toString('latin1'))?.[1];
      if (!first) ranges.push(range ?? '(none)');
    });
    client.pipe(origin);
    origin.on('data', (chunk: Buffer) => {
      if (!first) return void client.write(chunk);
      const room = cutAfter - passed;
      if (room <= 0) return;
      const through = chunk.subarray(0, room);
      if (headBytes === undefined) {
        head = Buffer.concat([head, through]);
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) headBytes = end + 4;
      }
      client.write(through);
      passed += through.length;
      if (passed >= cutAfter) {
        origin.destroy();
        client.end(() => client.destroy());
      }
    });
    origin.on('end', () => client.end());
    origin.on('error', () => client.destroy());
    client.on('error', () => origin.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ranges,
    bodyBeforeCut: () => passed - (headBytes ?? passed),
  };
}
