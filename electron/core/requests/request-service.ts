/**
 * Remote-guidance requests from the desktop: the draft from a failed installation (known issues first, then the
 * redacted request for the customer to approve), a request opened by the customer for any covered system with the
 * files they attach, sending through the outbox (so nothing approved is lost when the portal is down, nothing is
 * created twice, and nothing the portal refuses disappears), and the calls that follow a request through its life.
 */
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import type { ServiceRequest, ServiceRequestCreate } from '../../../shared/contracts/requests.js';
import { assertMayOpenRequests } from '../../../shared/domain/request-state.js';
import type { Priority } from '../../../shared/domain/sla.js';
import { HicareError } from '../../../shared/errors.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translator.js';
import type { Clock } from '../adapters.js';
import type { InstallFailureDetails } from '../install/install-failure.js';
import type { OperationLog } from '../operations/index.js';
import type { PortalClient } from '../portal/client.js';
import { draftFromFailure, type RequestDraft } from './draft.js';
import { FailureStore, type StoredFailure } from './failures.js';
import { Outbox, type FlushResult, type StagedFile } from './outbox.js';

export type SubmitOutcome =
  { status: 'sent'; request: ServiceRequest } | { status: 'queued'; idempotencyKey: string; reason: string };

export class RequestService {
  readonly outbox: Outbox;
  /** The failures requests are drafted from: one sent for a failure takes it off its system's page. */
  private readonly failures: FailureStore;

  constructor(
    private readonly portal: PortalClient,
    private readonly operations: OperationLog,
    private readonly clock: Clock,
    dataDirectory: string,
    /** The language the user reads: a drafted request's fault description is written in it. */
    private readonly language: () => DisplayLocale = () => 'en',
  ) {
    this.outbox = new Outbox(dataDirectory);
    this.failures = new FailureStore(dataDirectory);
  }

  /** The known issues for a failure; none (not an error) when the portal cannot be asked. */
  async knownIssues(
    failure: Pick<InstallFailureDetails, 'product' | 'toVersion' | 'exitCode' | 'log'>,
  ): Promise<KnowledgeArticle[]> {
    try {
      const body = {
        product: failure.product,
        version: failure.toVersion,
        ...(failure.exitCode === null ? {} : { exitCode: failure.exitCode }),
        log: failure.log.slice(-1_000_000),
      };
      return (await this.portal.call('knownIssues', { body })).articles;
    } catch (error) {
      if (error instanceof HicareError && ['OFFLINE', 'TIMEOUT'].includes(error.code)) return [];
      throw error;
    }
  }

  async draft(failure: StoredFailure, priority?: Priority): Promise<RequestDraft> {
    await this.assertMayOpen();
    const [knownIssues, operations] = await Promise.all([
      this.knownIssues(failure.details),
      this.operations.recent(50),
    ]);
    return draftFromFailure({
      failureId: failure.id,
      failure: failure.details,
      operations,
      knownIssues,
      locale: this.language(),
      ...(priority === undefined ? {} : { priority }),
    });
  }

  /** An account that may not open requests is told now, before anything is queued; unknown while offline (the portal decides). */
  async assertMayOpen(): Promise<void> {
    const role = await this.portal.signedInRole();
    if (role !== null) assertMayOpenRequests(role);
  }

  /**
   * Sends an approved request with the files staged for it. It is queued on disk first: if the portal is down (or
   * the answer is lost), it stays queued and `flush` sends it later under the same idempotency key. A refusal is
   * the form's to show: the request leaves the queue (its staged files stay, for the corrected request).
   */
  async submit(
    request: ServiceRequestCreate,
    idempotencyKey: string,
    attachments: readonly StagedFile[] = [],
  ): Promise<SubmitOutcome> {
    await this.assertMayOpen();
    await this.outbox.enqueue(request, idempotencyKey, this.clock.now(), attachments);
    const result = await this.flush();
    const sent = result.sent.find((s) => s.idempotencyKey === idempotencyKey);
    if (sent !== undefined) return { status: 'sent', request: sent.request };
    const failed = result.failed.find((f) => f.idempotencyKey === idempotencyKey);
    if (failed !== undefined) {
      await this.outbox.withdraw(idempotencyKey);
      throw failed.error;
    }
    return {
      status: 'queued',
      idempotencyKey,
      // Shown as the answer arrives, so it is written in the language the user reads now.
      reason: translate(this.language(), 'core.requests.queued'),
    };
  }

  /** The failure a sent request was drafted from is settled; a mark that cannot be written leaves the request sent. */
  private async noteSent(request: ServiceRequest): Promise<void> {
    await this.failures.markRequestSent(request, request, this.clock.now()).catch(() => undefined);
  }

  /**
   * Creates a request, or finds the one its key already created. A failure's key derives from the failure, so the
   * portal's IDEMPOTENCY_CONFLICT means this failure was sent before (with older operation records): that request
   * is the answer, not a second one and not an error.
   */
  private async create(request: ServiceRequestCreate, idempotencyKey: string): Promise<ServiceRequest> {
    try {
      return await this.portal.call('createRequest', { body: request, idempotencyKey });
    } catch (error) {
      const number =
        error instanceof HicareError && error.code === 'IDEMPOTENCY_CONFLICT' ? error.details?.['number'] : undefined;
      if (typeof number !== 'string') throw error;
      const earlier = (await this.portal.call('listRequests', {})).requests.find((r) => r.number === number);
      if (earlier === undefined) throw error;
      return earlier;
    }
  }

  /** Sends everything queued; returns what went out, what waits, and what the portal refused (kept). */
  async flush(): Promise<FlushResult> {
    const result = await this.outbox.flush(
      (request, idempotencyKey) => this.create(request, idempotencyKey),
      (requestId, upload) => this.portal.call('uploadAttachment', { params: { id: requestId }, body: upload }),
      this.clock.now(),
    );
    for (const { request } of result.sent) {
      await this.operations.append(
        'request',
        `Opened ${request.number} (${request.priority}) for ${request.serialNumber}`,
        { id: request.id, number: request.number, priority: request.priority },
      );
      await this.noteSent(request);
    }
    return result;
  }
}
