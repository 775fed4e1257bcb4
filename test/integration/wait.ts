/** Waiting for a condition with a deadline, polling it: the tests that start processes never sleep a fixed time. */

export interface UntilOptions {
  /** What is awaited, for the error when the deadline passes. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** More to show when the deadline passes (a child's stderr). */
  detail?: () => string;
}

/** Polls `probe` until it returns a value other than undefined; a thrown error ends the wait at once. */
export async function until<T>(probe: () => Promise<T | undefined>, options: UntilOptions): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const interval = options.intervalMs ?? 50;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const detail = options.detail?.() ?? '';
      throw new Error(
        `timed out waiting for ${options.what}${detail === '' ? '' : `\n--- output ---\n${detail.slice(-4000)}`}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export async function untilTrue(probe: () => Promise<boolean>, options: UntilOptions): Promise<void> {
  await until(async () => ((await probe()) ? true : undefined), options);
}

/** A free TCP port on loopback, from the kernel (bind to 0, read, release). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
