/** The request drafted from a failed installation: complete for the engineer, redacted for the customer's approval. */
import { describe, expect, it } from 'vitest';
import type { InstallFailureDetails } from '../../../electron/core/install/install-failure.js';
import type { OperationRecord } from '../../../electron/core/operations/index.js';
import { draftFromFailure, MAX_LOG_CHARS, suggestPriority } from '../../../electron/core/requests/draft.js';
import { ServiceRequestCreateSchema } from '../../../shared/contracts/requests.js';

const SECRET = 'Sup3rSecretDbPass';

function failure(over: Partial<InstallFailureDetails> = {}): InstallFailureDetails {
  return {
    product: 'cobalt',
    fromVersion: '4.2.0',
    toVersion: '4.2.1',
    targetName: 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz',
    packageSha256: 'a'.repeat(64),
    packageLength: 1400,
    installerType: 'script',
    argv: ['/bin/sh', 'install.sh', '/opt/cobalt'],
    exitCode: 3,
    signal: null,
    durationMs: 812,
    log: [
      'Installing cobalt 4.2.1',
      `connecting with DB_URL=postgres://cobalt:${SECRET}@db:5432/metrics`,
      'ERROR 1603: pre-install check failed: service cobalt-agent is still running',
    ].join('\n'),
    logTruncated: false,
    cause: 'ERROR 1603: pre-install check failed: service cobalt-agent is still running',
    detectedVersion: null,
    startedAt: '2026-11-24T10:00:00.000Z',
    system: {
      os: { type: 'Linux', release: '6.1', platform: 'linux', arch: 'x64' },
      hostname: 'turbine-12',
      freeMemoryBytes: 2e9,
      totalMemoryBytes: 8e9,
      freeDiskBytes: 5e10,
      nodeVersion: '20.20.2',
    },
    serialNumber: 'CG-COB-0001',
    location: 'Contoso wind farm North, turbine 12',
    problem: null,
    ...over,
  };
}

const record = (seq: number, summary: string): OperationRecord => ({
  seq,
  at: '2026-11-24T09:59:00.000Z',
  kind: 'download',
  summary,
  data: null,
  prev: '0'.repeat(64),
  hash: '0'.repeat(64),
});

describe('draftFromFailure', () => {
  it('fills every field an engineer needs, and the result passes the portal’s schema', () => {
    const draft = draftFromFailure({
      failureId: 'f-1',
      failure: failure(),
      operations: [record(1, 'Downloaded and verified cobalt 4.2.1')],
    });
    expect(ServiceRequestCreateSchema.safeParse(draft.request).success).toBe(true);
    expect(draft.request).toMatchObject({
      serialNumber: 'CG-COB-0001',
      location: 'Contoso wind farm North, turbine 12',
      priority: 'P3',
      installFailure: {
        product: 'cobalt',
        fromVersion: '4.2.0',
        toVersion: '4.2.1',
        sha256: 'a'.repeat(64),
        exitCode: 3,
        packageName: 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz',
      },
      operationRecords: [{ kind: 'download', summary: 'Downloaded and verified cobalt 4.2.1' }],
    });
    expect(draft.request.faultDescription).toContain('exited with code 3');
    expect(draft.request.faultDescription).toContain('service cobalt-agent is still running');
    expect(draft.request.installFailure?.systemInfo['hostname']).toBe('turbine-12');
    expect(draft.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('removes a secret planted in the installer log, the records and the system information, and lists each removal', () => {
    const draft = draftFromFailure({
      failureId: 'f-1',
      failure: failure({ cause: `auth failed for token=${SECRET}` }),
      operations: [record(1, `retrying with password: ${SECRET}`)],
    });
    expect(JSON.stringify(draft.request)).not.toContain(SECRET);
    expect(draft.redactions.map((r) => r.path).sort()).toEqual([
      '$.faultDescription',
      '$.installFailure.log',
      '$.operationRecords[0].summary',
    ]);
    expect(draft.redactions.find((r) => r.path === '$.installFailure.log')).toMatchObject({
      kind: 'connection-string',
      line: 2,
    });
    expect(draft.redactions.every((r) => !r.masked.includes(SECRET.slice(4)))).toBe(true);
  });

  it('suggests P3 for a failed update (the old version still runs) and P2 for a failed first installation', () => {
    expect(suggestPriority({ fromVersion: '4.2.0' })).toBe('P3');
    expect(suggestPriority({ fromVersion: null })).toBe('P2');
    expect(
      draftFromFailure({ failureId: 'f-1', failure: failure(), operations: [], priority: 'P1' }).request.priority,
    ).toBe('P1');
  });

  it('gives the same failure the same idempotency key, however often it is drafted, and another failure another key', () => {
    const first = draftFromFailure({
      failureId: '20261124T101500000Z-CG-COB-0001',
      failure: failure(),
      operations: [],
    });
    const again = draftFromFailure({
      failureId: '20261124T101500000Z-CG-COB-0001',
      failure: failure(),
      operations: [record(2, 'Checked again')],
      priority: 'P2',
    });
    const other = draftFromFailure({
      failureId: '20261124T111500000Z-CG-COB-0001',
      failure: failure(),
      operations: [],
    });
    expect(again.idempotencyKey).toBe(first.idempotencyKey);
    expect(other.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(first.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the start and the end of a log too long for the portal', () => {
    const log = `FIRST LINE\n${'x'.repeat(300_000)}\nLAST LINE: the cause`;
    const draft = draftFromFailure({ failureId: 'f-1', failure: failure({ log }), operations: [] });
    const sent = draft.request.installFailure?.log ?? '';
    expect(sent.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(sent.startsWith('FIRST LINE')).toBe(true);
    expect(sent.endsWith('LAST LINE: the cause')).toBe(true);
  });
});
