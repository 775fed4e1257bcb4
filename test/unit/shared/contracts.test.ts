/** The shared zod contracts refuse malformed input with a usable path, and the portal API table is consistent. */
import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { ErrorBodySchema } from '../../../shared/contracts/common.js';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { ContractSchema } from '../../../shared/contracts/entitlement.js';
import { GrantCreateSchema, ServiceRequestCreateSchema, SurveySchema } from '../../../shared/contracts/requests.js';
import { endpointPath, portalApi } from '../../../shared/contracts/portal-api.js';
import { appApi } from '../../../shared/contracts/app-api.js';
import { methodNames } from '../../../shared/api/define.js';

const request = {
  serialNumber: 'SN-1',
  location: 'Berlin DC1, rack 4',
  faultDescription: 'Upgrade to 2.3.1 fails',
  priority: 'P2',
};
const custom = {
  product: 'atlas',
  version: '2.3.1',
  platform: 'linux',
  arch: 'x64',
  installer: { type: 'script', entry: 'install.sh', args: ['{target}'] },
  detection: { kind: 'file', path: '{target}/atlas/VERSION', regex: '^(\\S+)' },
  publishedAt: '2026-03-01T00:00:00Z',
};

function firstIssuePath(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  if (r.success) return '(accepted)';
  return r.error.issues[0]?.path.join('.') ?? '';
}

describe('service request creation', () => {
  it('accepts a complete request and fills the optional lists', () => {
    const parsed = ServiceRequestCreateSchema.parse(request);
    expect(parsed.alarms).toEqual([]);
    expect(parsed.operationRecords).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['missing serial number', { ...request, serialNumber: undefined }, 'serialNumber'],
    ['blank location', { ...request, location: '   ' }, 'location'],
    ['blank fault description', { ...request, faultDescription: '' }, 'faultDescription'],
    ['unknown priority', { ...request, priority: 'P5' }, 'priority'],
    ['unknown field', { ...request, customerId: 'someone-else' }, ''],
    ['serial with a path separator trick', { ...request, serialNumber: '../../etc' }, '(accepted)'],
    ['serial with spaces and quotes', { ...request, serialNumber: "SN-1' OR 1=1" }, 'serialNumber'],
    ['oversize fault description', { ...request, faultDescription: 'x'.repeat(20_001) }, 'faultDescription'],
  ])('%s', (_, value, path) => {
    expect(firstIssuePath(ServiceRequestCreateSchema, value)).toBe(path);
  });
});

describe('remote-access grants and surveys', () => {
  it('defaults a grant to 24 hours and accepts 72', () => {
    const base = { channel: 'ssh', address: '10.0.0.5:22', account: 'tac-temp', scope: 'diagnose' };
    expect(GrantCreateSchema.parse(base).expiresInHours).toBe(24);
    expect(GrantCreateSchema.parse({ ...base, expiresInHours: 72 }).expiresInHours).toBe(72);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['more than 72 hours', { expiresInHours: 73 }, 'expiresInHours'],
    ['unknown channel', { channel: 'telnet' }, 'channel'],
    ['unknown scope', { scope: 'root' }, 'scope'],
    ['a weak password', { password: 'short' }, 'password'],
  ])('refuses a grant with %s', (_, over, path) => {
    const base = { channel: 'ssh', address: '10.0.0.5:22', account: 'tac-temp', scope: 'diagnose' };
    expect(firstIssuePath(GrantCreateSchema, { ...base, ...over })).toBe(path);
  });

  it.each([[0], [6], [2.5]])('refuses a survey rating of %s', (rating) => {
    expect(firstIssuePath(SurveySchema, { rating })).toBe('rating');
  });
});

describe('catalog target metadata', () => {
  it('accepts a script installer with a file detection rule and defaults its timeout', () => {
    expect(ReleaseTargetCustomSchema.parse(custom).installer.timeoutSeconds).toBe(900);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown installer type', { installer: { type: 'bat' } }, 'installer.type'],
    ['unknown platform', { platform: 'solaris' }, 'platform'],
    ['detection rule of an unknown kind', { detection: { kind: 'guess' } }, 'detection.kind'],
    ['command detection without argv', { detection: { kind: 'command', regex: 'x' } }, 'detection.argv'],
    ['publishedAt without a zone', { publishedAt: '2026-03-01 00:00' }, 'publishedAt'],
    ['uppercase product id', { product: 'Atlas' }, 'product'],
  ])('refuses %s', (_, over, path) => {
    expect(firstIssuePath(ReleaseTargetCustomSchema, { ...custom, ...over })).toBe(path);
  });
});

describe('contracts and the error body', () => {
  it('refuses a contract with a malformed date or tier', () => {
    const c = {
      id: 'C-1',
      customerId: 'acme',
      tier: 'support',
      region: 'EU',
      timeZone: 'UTC',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      systems: [],
      licensedMajors: {},
    };
    expect(firstIssuePath(ContractSchema, c)).toBe('(accepted)');
    expect(firstIssuePath(ContractSchema, { ...c, endDate: '31.12.2026' })).toBe('endDate');
    expect(firstIssuePath(ContractSchema, { ...c, tier: 'gold' })).toBe('tier');
  });

  it('only knows declared error codes', () => {
    expect(
      ErrorBodySchema.safeParse({ code: 'UPGRADE_REQUIRES_UPGRADE_SUPPORT', message: 'm', remedy: 'r' }).success,
    ).toBe(true);
    expect(ErrorBodySchema.safeParse({ code: 'SOMETHING_ELSE', message: 'm', remedy: 'r' }).success).toBe(false);
  });
});

describe('the API declarations', () => {
  it.each(Object.entries(portalApi))('portal endpoint %s declares exactly the params its path names', (_, e) => {
    const inPath = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
    const declared = 'params' in e && e.params !== undefined ? Object.keys((e.params as z.ZodObject).shape).sort() : [];
    expect(declared).toEqual(inPath);
  });

  it('every portal endpoint path is unique per method', () => {
    const keys = Object.values(portalApi).map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fills path parameters so that a value cannot add a segment', () => {
    expect(endpointPath('/api/v1/requests/:id', { id: '../../admin' })).toBe('/api/v1/requests/..%2F..%2Fadmin');
    expect(() => endpointPath('/api/v1/requests/:id', {})).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('the app API names its methods with a namespace', () => {
    for (const m of methodNames(appApi)) expect(m).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
