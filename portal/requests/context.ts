/**
 * What the service-request modules share: the portal's storage and clock (the entitlement context), the policies
 * (auto-accept, auto-close), the live event bus, the key for grant passwords and the attachment store.
 */
import type { Priority } from '../../shared/domain/sla.js';
import { assertPriority } from '../../shared/domain/sla.js';
import { HicareError } from '../../shared/errors.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { BlobStore } from '../storage/blob-store.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import { AttachmentStore } from './attachment-store.js';
import { RequestEventBus } from './events.js';
import { GrantSecrets } from './grant-secrets.js';

/** P1 is critical: TAC's clock starts at submission, and an engineer takes it from the queue. */
export const DEFAULT_AUTO_ACCEPT: readonly Priority[] = ['P1'];
/** A confirmed request is closed by the portal after this long if no engineer closed it. */
export const DEFAULT_AUTO_CLOSE_AFTER_HOURS = 72;

export interface RequestOptions {
  /** The portal's data directory: the grant key file lives under it, and the attachments unless `blobs` says. */
  dataDirectory: string;
  /** Priorities the portal accepts by itself at submission (as 'system'), left unassigned. Default ['P1']. */
  autoAcceptPriorities?: readonly Priority[];
  /** Hours after confirmation at which the portal closes the request itself. Default 72. */
  autoCloseAfterHours?: number;
  /** How often confirmed requests are checked for automatic closure; 0 turns it off. Default one minute. */
  autoCloseEveryMs?: number;
  events?: RequestEventBus;
  /** Where attachment bytes are kept. Default: the data directory. */
  blobs?: BlobStore;
  /** The grant key checked at start (loadGrantKey); without it, the data directory's key file. */
  secrets?: GrantSecrets;
}

export interface RequestContext extends EntitlementContext {
  autoAcceptPriorities: readonly Priority[];
  autoCloseAfterHours: number;
  autoCloseEveryMs: number;
  events: RequestEventBus;
  secrets: GrantSecrets;
  attachments: AttachmentStore;
}

export function requestContext(base: EntitlementContext, options: RequestOptions): RequestContext {
  const autoAcceptPriorities = (options.autoAcceptPriorities ?? DEFAULT_AUTO_ACCEPT).map(assertPriority);
  const autoCloseAfterHours = options.autoCloseAfterHours ?? DEFAULT_AUTO_CLOSE_AFTER_HOURS;
  if (!Number.isFinite(autoCloseAfterHours) || autoCloseAfterHours <= 0) {
    throw new HicareError(
      'INVALID_INPUT.requestAutoCloseDelay',
      {},
      {
        autoCloseAfterHours,
      },
    );
  }
  return {
    ...base,
    autoAcceptPriorities,
    autoCloseAfterHours,
    autoCloseEveryMs: options.autoCloseEveryMs ?? 60_000,
    events: options.events ?? new RequestEventBus(base.db, { now: base.now }),
    secrets: options.secrets ?? new GrantSecrets(options.dataDirectory),
    attachments: new AttachmentStore(options.blobs ?? new LocalBlobStore(options.dataDirectory)),
  };
}
