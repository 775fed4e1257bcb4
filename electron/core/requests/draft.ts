/**
 * A remote-guidance request drafted from a failed installation (DESIGN.md §3.4): everything an engineer needs —
 * product, from/to versions, package and hash, exit code, installer log, system information, recent operation
 * records, the system's serial and location, a suggested priority — with secrets redacted and the removals listed
 * for the customer's preview. Nothing is sent from here: the customer approves (and may edit) the draft first.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import type { ServiceRequestCreate } from '../../../shared/contracts/requests.js';
import type { Priority } from '../../../shared/domain/sla.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import { translator } from '../../../shared/i18n/translator.js';
import type { InstallFailureDetails } from '../install/install-failure.js';
import type { OperationRecord } from '../operations/index.js';
import { redact, redactValue, type Removal } from '../../../shared/domain/redact.js';

export interface RequestDraft {
  /** The body that will be sent, already redacted. */
  request: ServiceRequestCreate;
  /**
   * Sent with the request, so a retry (or the outbox after a crash) can never create a second one; derived from the
   * failure, so drafting the same failure twice (offline, or from the app and the CLI) still gives one request.
   */
  idempotencyKey: string;
  /** What redaction removed, for the preview: where, what kind, masked. */
  redactions: (Removal & { path: string })[];
  /** Known issues matching the failure: shown before the draft, since one may solve it without a request. */
  knownIssues: KnowledgeArticle[];
}

export const MAX_OPERATION_RECORDS = 50;
/** What the portal takes of an installer log; the start (what ran) and the end (why it stopped) matter most. */
export const MAX_LOG_CHARS = 200_000;

/** The idempotency key of the request about one recorded failure: a UUID (version 5 layout) from its id. */
export function requestKeyForFailure(failureId: string): string {
  const hex = createHash('sha256').update(`hicare-failure-request:${failureId}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fitLog(text: string): string {
  if (text.length <= MAX_LOG_CHARS) return text;
  const marker = '\n[… middle of the log left out …]\n';
  const head = Math.floor((MAX_LOG_CHARS - marker.length) / 4);
  return text.slice(0, head) + marker + text.slice(text.length - (MAX_LOG_CHARS - marker.length - head));
}

/**
 * A failed update leaves the previous version running: limited impact (P3). When nothing was running before (a
 * first installation), operations that need the product are degraded (P2). The customer can change it.
 */
export function suggestPriority(failure: Pick<InstallFailureDetails, 'fromVersion'>): Priority {
  return failure.fromVersion === null ? 'P2' : 'P3';
}

/** Written once, in the customer's language: it is the request's text, which the customer may still edit. */
function describe(f: InstallFailureDetails, locale: DisplayLocale): string {
  const t = translator(locale);
  // Codes and sizes are written as they are (an exit code is not a quantity to group into thousands).
  return [
    t('core.draft.installFailed', {
      product: f.product,
      toVersion: f.toVersion,
      installedBefore: f.fromVersion === null ? 'none' : 'some',
      fromVersion: f.fromVersion ?? '',
      serialNumber: f.serialNumber,
      outcome: f.exitCode !== null ? 'exit' : f.signal !== null ? 'signal' : 'incomplete',
      exitCode: String(f.exitCode ?? ''),
      signal: f.signal ?? '',
    }),
    f.cause === '' ? '' : t('core.draft.cause', { cause: f.cause }),
    t('core.draft.package', {
      targetName: f.targetName,
      sha256: f.packageSha256,
      length: String(f.packageLength),
      installerType: f.installerType,
    }),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function systemInfoStrings(f: InstallFailureDetails, locale: DisplayLocale): Record<string, string> {
  const s = f.system;
  const t = translator(locale);
  return {
    os: `${s.os.type} ${s.os.release} (${s.os.platform}-${s.os.arch})`,
    hostname: s.hostname,
    memory: t('core.draft.memory', {
      free: Math.round(s.freeMemoryBytes / 1e6),
      total: Math.round(s.totalMemoryBytes / 1e6),
    }),
    disk:
      s.freeDiskBytes === null
        ? t('common.unknown')
        : t('core.draft.disk', { free: Math.round(s.freeDiskBytes / 1e6) }),
    runtime: `Node ${s.nodeVersion}`,
    installer: `${f.installerType} ${f.argv.join(' ')}`.trim(),
    durationMs: String(f.durationMs),
  };
}

export function draftFromFailure(input: {
  failureId: string;
  failure: InstallFailureDetails;
  operations: readonly OperationRecord[];
  knownIssues?: readonly KnowledgeArticle[];
  priority?: Priority;
  /** The language the fault description is written in. */
  locale?: DisplayLocale;
}): RequestDraft {
  const f = input.failure;
  const log = redact(f.log);
  const description = redact(describe(f, input.locale ?? 'en'));
  const systemInfo = redactValue(systemInfoStrings(f, input.locale ?? 'en'), '$.installFailure.systemInfo');
  const records = redactValue(
    input.operations.slice(-MAX_OPERATION_RECORDS).map((r) => ({ at: r.at, kind: r.kind, summary: r.summary })),
    '$.operationRecords',
  );
  const request: ServiceRequestCreate = {
    serialNumber: f.serialNumber,
    location: f.location,
    faultDescription: description.text,
    priority: input.priority ?? suggestPriority(f),
    alarms: [],
    operationRecords: records.value,
    installFailure: {
      product: f.product,
      fromVersion: f.fromVersion,
      toVersion: f.toVersion,
      packageName: f.targetName,
      sha256: f.packageSha256,
      exitCode: f.exitCode,
      signal: f.signal,
      log: fitLog(log.text),
      systemInfo: systemInfo.value,
    },
  };
  return {
    request,
    idempotencyKey: requestKeyForFailure(input.failureId),
    redactions: [
      ...description.removed.map((r) => ({ ...r, path: '$.faultDescription' })),
      ...log.removed.map((r) => ({ ...r, path: '$.installFailure.log' })),
      ...systemInfo.removed,
      ...records.removed,
    ],
    knownIssues: [...(input.knownIssues ?? [])],
  };
}
