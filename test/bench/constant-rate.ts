/**
 * A constant-rate (open-model) load generator: requests are sent on a schedule fixed in advance — request i at
 * start + i / rate — whether or not earlier ones have been answered, as an install base of independent clients
 * does. Latency is measured from the scheduled time, not from when a socket became free, so a server that falls
 * behind shows it in p99 instead of silently slowing the generator down (coordinated omission). A timer ticks every
 * few milliseconds and sends every request whose time has come.
 */
import { Agent, request } from 'node:http';
import { untilTrue } from '../integration/wait.js';

export interface PlannedRequest {
  method: 'GET' | 'HEAD';
  path: string;
  headers: Record<string, string>;
  /** The statuses that count as success (e.g. 200 and 304 for a conditional GET). */
  ok: readonly number[];
}

export interface RateRun {
  label: string;
  targetRate: number;
  achievedRate: number;
  sent: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Requests whose status was not one they accept, by status. */
  statuses: Record<string, number>;
  /** 1-minute load average of the machine when the run ended. */
  loadAverage: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runAtRate(options: {
  label: string;
  base: string;
  rate: number;
  seconds: number;
  next: (i: number) => PlannedRequest;
}): Promise<RateRun> {
  const url = new URL(options.base);
  // Enough sockets that the generator never queues behind its own pool at the target rate and latency.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  let answered = 0;
  const total = Math.round(options.rate * options.seconds);
  const start = performance.now();

  const fire = (i: number, scheduledAt: number): void => {
    const planned = options.next(i);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: planned.method,
        path: planned.path,
        headers: planned.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          answered += 1;
          latencies.push(performance.now() - scheduledAt);
          if (!planned.ok.includes(res.statusCode ?? 0)) {
            errors += 1;
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
          }
        });
      },
    );
    req.on('error', (error) => {
      answered += 1;
      errors += 1;
      statuses[error.message] = (statuses[error.message] ?? 0) + 1;
    });
    req.end();
  };

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - start;
      const due = Math.min(total, Math.floor((elapsed / 1000) * options.rate));
      for (; sent < due; sent += 1) fire(sent, start + (sent / options.rate) * 1000);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  // The last requests get a bounded time to be answered; the unanswered ones count as errors.
  await untilTrue(async () => answered >= sent, { what: 'the last answers', timeoutMs: 10_000, intervalMs: 10 }).catch(
    () => undefined,
  );
  errors += sent - answered;
  const elapsedSeconds = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const { loadavg } = await import('node:os');
  return {
    label: options.label,
    targetRate: options.rate,
    achievedRate: Math.round(answered / elapsedSeconds),
    sent,
    p50: Number(percentile(sorted, 50).toFixed(1)),
    p99: Number(percentile(sorted, 99).toFixed(1)),
    max: Number((sorted.at(-1) ?? 0).toFixed(1)),
    errors,
    statuses,
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
  };
}
