/**
 * /healthz and /readyz for load balancers and orchestrators. Liveness says only that the process answers; readiness
 * runs the checks the rest of the portal plugs in (database, migrations, store, catalog) and answers 503 naming
 * those that fail, so that traffic goes to another instance. Results are shared for a second: a balancer probing
 * every instance often must not turn into a load on the database.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { HicareError, isHicareError, type ErrorCode } from '../../shared/errors.js';

export interface ReadinessCheck {
  /** Short and stable: it names the check in the answer ("database", "store", …). */
  name: string;
  /** What an operator reads when the check fails for a reason that is not a coded error (a refused connection, say). */
  failure: string;
  /** The code the answer carries when this check fails without a coded error of its own. */
  code: ErrorCode;
  /** Resolves when all is well; throws otherwise (a coded error's message is shown, anything else is only logged). */
  run(): Promise<void>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  /** Plain words for a failing check. */
  problem?: string;
}

export interface ReadinessOptions {
  checks: readonly ReadinessCheck[];
  /** How long one round of results is reused. Default 1 s. */
  cacheMs?: number;
  /** A check that has not answered by then fails. Default 2 s. */
  timeoutMs?: number;
  now?: () => number;
}

function withDeadline(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new HicareError(
          check.code,
          `${check.failure} (no answer within ${timeoutMs} ms)`,
          'Look at what the check depends on.',
        ),
      );
    }, timeoutMs);
    timer.unref();
    check.run().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}

async function runChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<{ results: CheckResult[]; firstCode: ErrorCode | undefined }> {
  const rounds = await Promise.all(
    checks.map(async (check): Promise<{ result: CheckResult; code?: ErrorCode }> => {
      try {
        await withDeadline(check, timeoutMs);
        return { result: { name: check.name, ok: true } };
      } catch (error) {
        // The cause goes to the log for the operator; the answer carries only plain words.
        log.warn({ err: error, check: check.name }, 'a readiness check failed');
        const coded = isHicareError(error) && error.code !== 'INTERNAL';
        return {
          result: { name: check.name, ok: false, problem: coded ? error.message : check.failure },
          code: coded ? error.code : check.code,
        };
      }
    }),
  );
  // In the order the checks were given, so the same failure always answers with the same code.
  return { results: rounds.map((r) => r.result), firstCode: rounds.find((r) => r.code !== undefined)?.code };
}

export function registerHealthRoutes(app: FastifyInstance, options: ReadinessOptions): void {
  const cacheMs = options.cacheMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const now = options.now ?? Date.now;
  let last: { at: number; round: ReturnType<typeof runChecks> } | undefined;

  const current = (): ReturnType<typeof runChecks> => {
    if (last === undefined || now() - last.at >= cacheMs)
      last = { at: now(), round: runChecks(options.checks, timeoutMs, app.log) };
    return last.round;
  };

  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));

  app.get('/readyz', async (_request, reply) => {
    const { results, firstCode } = await current();
    reply.header('cache-control', 'no-store');
    const failing = results.filter((r) => !r.ok);
    if (failing.length === 0) return reply.send({ ready: true, checks: results });
    const body = new HicareError(
      firstCode ?? 'INTERNAL',
      `This portal instance is not ready: ${failing.map((r) => `${r.name}: ${r.problem ?? 'failing'}`).join('; ')}`,
      'Fix what the failing checks name; the load balancer sends traffic to the other instances meanwhile.',
      { checks: results },
    ).toBody();
    return reply.code(503).type('application/json').send(body);
  });
}
