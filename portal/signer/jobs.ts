/**
 * What a publish job carries and how the signer runs one. A release job names its package by an upload in the
 * shared store (the submitter's disk is not the signer's); the signer copies it to a private temporary folder under
 * its original file name — the target's name ends with it — and publishes from there, exactly as a publish on one
 * machine does.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { asStoreError } from '../storage/space-error.js';
import type { Kysely } from 'kysely';
import type { EntitlementStatement, SignedStatement } from '../../shared/contracts/bundle.js';
import type { ReleaseTarget } from '../../shared/contracts/catalog.js';
import type { LineLifecycle } from '../../shared/domain/release.js';
import { HicareError, isHicareError, type ErrorBody } from '../../shared/errors.js';
import { publishReleases, setLineLifecycle, type PublishInput } from '../admin/publish.js';
import type { Catalog } from '../catalog/catalog.js';
import type { PublishJob } from '../db/publish-jobs.js';
import type { Database } from '../db/schema.js';
import type { BlobStore } from '../storage/blob-store.js';
import { signStatement } from '../bundles/statement-signing.js';

export interface ReleaseJobInput {
  custom: PublishInput['custom'];
  /** The package's file name as the publisher gave it (the last part of the target's name). */
  fileName: string;
  /** The store key the package bytes were uploaded under. */
  upload: string;
}

export type LifecycleJobInput = LineLifecycle;

/** Where a job's package is uploaded: under the job's id, so that uploads of concurrent publishes never meet. */
export function uploadKeyFor(jobId: string, fileName: string): string {
  return `uploads/${jobId}/${basename(fileName)}`;
}

export interface JobContext {
  db: Kysely<Database>;
  catalog: Catalog;
  store: BlobStore;
  now: () => Date;
}

export type JobOutcome =
  { result: ReleaseTarget | { lifecycle: LineLifecycle; resigned: number } | SignedStatement } | { error: ErrorBody };

/** The body a failure is recorded with: a coded error as it is, anything else as PUBLISH_FAILED without its inner text. */
export function failureBody(error: unknown, jobId: string): ErrorBody {
  if (isHicareError(error)) return error.toBody();
  return new HicareError('PUBLISH_FAILED.signerJob', { job: jobId }, { job: jobId }).toBody();
}

async function runRelease(ctx: JobContext, input: ReleaseJobInput): Promise<ReleaseTarget> {
  const folder = await mkdtemp(join(tmpdir(), 'hicare-signer-'));
  try {
    const file = join(folder, basename(input.fileName));
    await pipeline(await ctx.store.openRead(input.upload), createWriteStream(file, { mode: 0o600 }));
    const [target] = await publishReleases(ctx.db, ctx.catalog, [{ file, custom: input.custom }], ctx.now());
    if (target === undefined) throw new Error('publishReleases returned no target');
    return target;
  } catch (error) {
    // The signer's own disk holds the package while it is hashed: a full one is said as such, not as a failure.
    throw asStoreError(error, 'the package to publish');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Runs one claimed job to its outcome (never throws for the job's own failure). A release's upload is deleted once
 * the job has an outcome to record; a job re-run after a crash still finds it, because deletion comes last.
 */
export async function runPublishJob(
  ctx: JobContext,
  job: PublishJob,
): Promise<{ outcome: JobOutcome; cause?: unknown }> {
  try {
    if (job.kind === 'release') return { outcome: { result: await runRelease(ctx, job.input as ReleaseJobInput) } };
    if (job.kind === 'statement') {
      // Built and checked against the verdicts by the instance that took the request; the signer only signs it.
      const { metadata, keysDir } = ctx.catalog.repository;
      return { outcome: { result: await signStatement(metadata, keysDir, job.input as EntitlementStatement) } };
    }
    return {
      outcome: { result: await setLineLifecycle(ctx.db, ctx.catalog, job.input as LifecycleJobInput, ctx.now()) },
    };
  } catch (error) {
    return { outcome: { error: failureBody(error, job.id) }, cause: error };
  }
}
