/**
 * /healthz and /readyz for load balancers and orchestrators. Liveness says only that the process answers; readiness
 * runs the checks the rest of the portal plugs in (database, migrations, store, catalog) and answers 503 naming
 * those that fail, so that traffic goes to another instance. Results are shared for a second: a balancer probing
 * every instance often must not turn into a load on the database.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { isHicareError, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translator.js';
import { answerIn, requestLocale } from '../http/locale.js';

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

/** A check that did not answer in time: it fails with its own code and its failure text, saying so. */
class NoAnswer extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** A failing check's words in a reader's language: a coded error's own text, else the check's failure text. */
type Problem = (locale: Locale) => string;

function problemOf(check: ReadinessCheck, error: unknown): { problem: Problem; code: ErrorCode } {
  if (error instanceof NoAnswer) {
    return {
      problem: (locale) => translate(locale, 'portal.readiness.noAnswer', { failure: check.failure, ms: error.ms }),
      code: check.code,
    };
  }
  if (isHicareError(error) && error.code !== 'INTERNAL') {
    return { problem: (locale) => error.toBody(locale).message, code: error.code };
  }
  return { problem: () => check.failure, code: check.code };
}

function withDeadline(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new NoAnswer(timeoutMs));
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

async function runChecks(checks: readonly ReadinessCheck[], timeoutMs: number, log: FastifyBaseLogger): Promise<Round> {
  const rounds = await Promise.all(
    checks.map(async (check): Promise<{ result: CheckResult; code?: ErrorCode; problem?: Problem }> => {
      try {
        await withDeadline(check, timeoutMs);
        return { result: { name: check.name, ok: true } };
      } catch (error) {
        // The cause goes to the log for the operator; the answer carries only plain words.
        log.warn({ err: error, check: check.name }, 'a readiness check failed');
        const { problem, code } = problemOf(check, error);
        return { result: { name: check.name, ok: false, problem: problem('en') }, code, problem };
      }
    }),
  );
  // In the order the checks were given, so the same failure always answers with the same code.
  return {
    results: rounds.map((r) => r.result),
    firstCode: rounds.find((r) => r.code !== undefined)?.code,
    failing: rounds.flatMap((r) => (r.problem === undefined ? [] : [{ name: r.result.name, problem: r.problem }])),
  };
}

interface Round {
  results: CheckResult[];
  firstCode: ErrorCode | undefined;
  failing: { name: string; problem: Problem }[];
}

/** The 503 body: each failing check by name with its problem, in the reader's language. */
function notReadyBody(round: Round, locale: Locale): ErrorBody {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>): string =>
    translate(locale, key, params);
  const checks = round.failing
    .map((f) => t('portal.readiness.check', { name: f.name, problem: f.problem(locale) }))
    .join(t('portal.readiness.separator'));
  return {
    code: round.firstCode ?? 'INTERNAL',
    message: t('portal.readiness.notReady', { checks }),
    remedy: t('portal.readiness.remedy'),
    details: { checks: round.results },
  };
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

  app.get('/readyz', async (request, reply) => {
    const round = await current();
    reply.header('cache-control', 'no-store');
    if (round.failing.length === 0) return reply.send({ ready: true, checks: round.results });
    const locale = requestLocale(request);
    return answerIn(reply, locale).code(503).type('application/json').send(notReadyBody(round, locale));
  });
}
