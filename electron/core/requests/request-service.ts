/**
 * Remote-guidance requests from the desktop: the draft from a failed installation (known issues first, then the
 * redacted request for the customer to approve), sending through the outbox (so nothing approved is lost when the
 * portal is down, and nothing is created twice), and the calls that follow a request through its life.
 */
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import type { ServiceRequest, ServiceRequestCreate } from '../../../shared/contracts/requests.js';
import type { Priority } from '../../../shared/domain/sla.js';
import { HicareError } from '../../../shared/errors.js';
import type { Clock } from '../adapters.js';
import type { InstallFailureDetails } from '../install/install-failure.js';
import type { OperationLog } from '../operations/index.js';
import type { PortalClient } from '../portal/client.js';
import { draftFromFailure, type RequestDraft } from './draft.js';
import { FailureStore } from './failures.js';
import { Outbox } from './outbox.js';

export type SubmitOutcome = { status: 'sent'; request: ServiceRequest } | { status: 'queued'; idempotencyKey: string; reason: string };

export class RequestService {
  readonly outbox: Outbox;
  /** The failures requests are drafted from: one sent for a failure takes it off its system's page. */
  private readonly failures: FailureStore;

  constructor(
    private readonly portal: PortalClient,
    private readonly operations: OperationLog,
    private readonly clock: Clock,
    dataDirectory: string,
  ) {
    this.outbox = new Outbox(dataDirectory);
    this.failures = new FailureStore(dataDirectory);
  }

  /** The known issues for a failure; none (not an error) when the portal cannot be asked. */
  async knownIssues(failure: Pick<InstallFailureDetails, 'product' | 'toVersion' | 'exitCode' | 'log'>): Promise<KnowledgeArticle[]> {
    try {
      const body = { product: failure.product, version: failure.toVersion, ...(failure.exitCode === null ? {} : { exitCode: failure.exitCode }), log: failure.log.slice(-1_000_000) };
      return (await this.portal.call('knownIssues', { body })).articles;
    } catch (error) {
      if (error instanceof HicareError && ['OFFLINE', 'TIMEOUT'].includes(error.code)) return [];
      throw error;
    }
  }

  async draft(failure: InstallFailureDetails, priority?: Priority): Promise<RequestDraft> {
    const [knownIssues, operations] = await Promise.all([this.knownIssues(failure), this.operations.recent(50)]);
    return draftFromFailure({ failure, operations, knownIssues, ...(priority === undefined ? {} : { priority }) });
  }

  /**
   * Sends an approved request. It is queued on disk first: if the portal is down (or the answer is lost), it stays
   * queued and `flush` sends it later under the same idempotency key.
   */
  async submit(request: ServiceRequestCreate, idempotencyKey: string): Promise<SubmitOutcome> {
    await this.outbox.enqueue(request, idempotencyKey, this.clock.now());
    const result = await this.flush();
    const sent = result.sent.find((s) => s.idempotencyKey === idempotencyKey);
    if (sent !== undefined) return { status: 'sent', request: sent.request };
    const failed = result.failed.find((f) => f.idempotencyKey === idempotencyKey);
    if (failed !== undefined) throw failed.error;
    return { status: 'queued', idempotencyKey, reason: 'The portal cannot be reached; the request is kept on this desktop and sent when it can be.' };
  }

  /** The failure a sent request was drafted from is settled; a mark that cannot be written leaves the request sent. */
  private async noteSent(request: ServiceRequest): Promise<void> {
    await this.failures.markRequestSent(request, request, this.clock.now()).catch(() => undefined);
  }

  /** Sends everything queued; returns what went out. */
  async flush(): Promise<Awaited<ReturnType<Outbox['flush']>>> {
    const result = await this.outbox.flush((request, idempotencyKey) => this.portal.call('createRequest', { body: request, idempotencyKey }));
    for (const { request } of result.sent) {
      await this.operations.append('request', `Opened ${request.number} (${request.priority}) for ${request.serialNumber}`, { id: request.id, number: request.number, priority: request.priority });
      await this.noteSent(request);
    }
    return result;
  }
}
