/**
 * The offline bundle's one portal route: signing an entitlement statement for the caller's systems. An instance
 * that holds the online timestamp key (the single portal on SQLite) signs at once; instances in front of a shared
 * database hold no keys, so they hand the statement to the signer as a job and wait a few seconds for it.
 */
import type { bundleApi, EntitlementStatement, SignedStatement } from '../../shared/contracts/bundle.js';
import { HicareError, isHicareError } from '../../shared/errors.js';
import { awaitPublishJob, insertPublishJob, newPublishJobId } from '../db/publish-jobs.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import { buildStatement } from './statement.js';
import { signStatement } from './statement-signing.js';

/** How long a request waits for the signer before it is told to try again. */
const SIGNER_WAIT_MS = 15_000;

export function bundleHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof bundleApi> {
  const { repository } = ctx.catalog;
  return {
    issueStatement: async ({ caller, body, request }) => {
      const origin = `${request.protocol}://${request.host}`;
      const statement = await buildStatement(ctx, caller.account, body, origin);
      try {
        return await signStatement(repository.metadata, repository.keysDir, statement);
      } catch (error) {
        if (!isHicareError(error) || error.code !== 'TUF_KEYS_MISSING') throw error;
      }
      return bySigner(ctx, statement, caller.account.email);
    },
  };
}

async function bySigner(
  ctx: EntitlementContext,
  statement: EntitlementStatement,
  createdBy: string,
): Promise<SignedStatement> {
  const id = newPublishJobId();
  await insertPublishJob(ctx.db, { id, kind: 'statement', input: statement, createdBy }, ctx.now());
  const job = await awaitPublishJob(ctx.db, id, Date.now() + SIGNER_WAIT_MS);
  if (job?.state === 'done') return job.result as SignedStatement;
  if (job?.state === 'failed' && job.error !== null) throw HicareError.fromBody(job.error, { job: id });
  throw new HicareError('TUF_REPOSITORY_BUSY.statementSigner', { seconds: SIGNER_WAIT_MS / 1000 }, { job: id });
}
