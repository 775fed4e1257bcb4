import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract.js';
import { codeOf } from '../../support.js';
import type { LineLifecycle, Release } from '../../../shared/domain/release.js';
import {
  licensedMajorsAfter,
  prepareVerdict,
  requestEntitlement,
  verdict,
  type VerdictInput,
} from '../../../shared/domain/verdict.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function contract(over: Partial<Contract> = {}): Contract {
  return {
    id: 'C-SUP',
    customerId: 'acme',
    tier: 'support',
    region: 'EU',
    timeZone: 'UTC',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    systems: [{ serialNumber: 'SN-1', product: 'atlas', location: 'Berlin DC1' }],
    licensedMajors: { atlas: 2 },
    ...over,
  };
}

const support = contract();
const upgradeSupport = contract({ id: 'C-UPG', tier: 'upgrade-support' });
const expired = contract({ id: 'C-OLD', startDate: '2025-01-01', endDate: '2025-12-31' });
const renewal = contract({ id: 'C-NEW', startDate: '2026-01-01', endDate: '2026-12-31' });
const pending = contract({ id: 'C-PEND', startDate: '2026-09-01', endDate: '2027-08-31' });

function release(version: string, over: Partial<Release> = {}): Release {
  return { product: 'atlas', version, publishedAt: '2026-03-01T00:00:00Z', ...over };
}

const lifecycles: LineLifecycle[] = [
  { product: 'atlas', major: 1, ga: '2023-01-01', endOfMaintenance: '2024-12-31', endOfService: '2025-12-31' },
  { product: 'atlas', major: 2, ga: '2024-06-01', endOfMaintenance: '2026-04-30' },
  { product: 'atlas', major: 3, ga: '2026-02-01' },
];

function input(
  contracts: Contract[],
  rel: Release,
  over: Partial<VerdictInput> = {},
  installedVersion = '2.3.0',
): VerdictInput {
  return {
    contracts,
    system: { serialNumber: 'SN-1', product: 'atlas', installedVersion, platform: 'linux-x64' },
    release: rel,
    now: NOW,
    ...over,
  };
}

describe('verdict: rights by tier, kind and licensed major', () => {
  it.each<
    [
      string,
      VerdictInput,
      { allowed: boolean; kind: string; right: string; codes: string[]; contractId?: string | null },
    ]
  >([
    [
      'Support takes an update',
      input([support], release('2.4.0')),
      { allowed: true, kind: 'update', right: 'update', codes: [], contractId: 'C-SUP' },
    ],
    [
      'Support is refused a major upgrade',
      input([support], release('3.0.0')),
      { allowed: false, kind: 'upgrade', right: 'upgrade', codes: ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'] },
    ],
    [
      'Upgrade Support takes a major upgrade',
      input([upgradeSupport], release('3.0.0')),
      { allowed: true, kind: 'upgrade', right: 'upgrade', codes: [] },
    ],
    [
      'an upgrade within the licensed major needs only the update right (licence already at 3)',
      input([contract({ licensedMajors: { atlas: 3 } })], release('3.0.0')),
      { allowed: true, kind: 'upgrade', right: 'update', codes: [] },
    ],
    [
      'no licensed major recorded: the installed major is the licence',
      input([contract({ licensedMajors: {} })], release('3.0.0')),
      { allowed: false, kind: 'upgrade', right: 'upgrade', codes: ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'] },
    ],
    [
      'reinstalling the current version',
      input([support], release('2.3.0')),
      { allowed: true, kind: 'current', right: 'update', codes: [] },
    ],
    [
      'an older version of the licensed line',
      input([support], release('2.1.0')),
      { allowed: true, kind: 'older', right: 'update', codes: [] },
    ],
  ])('%s', (_, given, want) => {
    const v = verdict({ ...given, lifecycles: [] });
    expect(v.allowed).toBe(want.allowed);
    expect(v.kind).toBe(want.kind);
    expect(v.requiredRight).toBe(want.right);
    expect(v.reasons.map((r) => r.code)).toEqual(want.codes);
    if (want.contractId !== undefined) expect(v.contractId).toBe(want.contractId);
  });
});

describe('verdict: contract coverage, service period and post-expiry policy', () => {
  it.each<[string, VerdictInput, boolean, string[]]>([
    ['no contract at all', input([], release('2.4.0')), false, ['NO_CONTRACT']],
    [
      'the system is not on the contract',
      input([contract({ systems: [{ serialNumber: 'SN-9', product: 'atlas', location: 'x' }] })], release('2.4.0')),
      false,
      ['SYSTEM_NOT_COVERED'],
    ],
    [
      'same serial, other product',
      input([contract({ systems: [{ serialNumber: 'SN-1', product: 'orbit', location: 'x' }] })], release('2.4.0')),
      false,
      ['SYSTEM_NOT_COVERED'],
    ],
    ['nothing before the start date', input([pending], release('2.4.0')), false, ['CONTRACT_PENDING']],
    [
      'after the end: what was published by the end date stays earned',
      input([expired], release('2.4.0', { publishedAt: '2025-11-30T00:00:00Z' })),
      true,
      [],
    ],
    [
      'after the end: newer releases are refused',
      input([expired], release('2.4.0', { publishedAt: '2026-01-01T00:00:00Z' })),
      false,
      ['RELEASED_AFTER_CONTRACT_END'],
    ],
    [
      'after the end with policy "none": nothing',
      input([expired], release('2.4.0', { publishedAt: '2025-11-30T00:00:00Z' }), { postExpiry: 'none' }),
      false,
      ['CONTRACT_EXPIRED'],
    ],
    ['expired but renewed: the renewal allows it', input([expired, renewal], release('2.4.0')), true, []],
    [
      'Support renewal and Upgrade Support overlap: the best of them allows an upgrade',
      input([support, upgradeSupport], release('3.0.0')),
      true,
      [],
    ],
    [
      'an expired Support contract cannot take an upgrade even if it was published in time',
      input([expired], release('3.0.0', { publishedAt: '2025-06-01T00:00:00Z' })),
      false,
      ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'],
    ],
  ])('%s', (_, given, allowed, codes) => {
    const v = verdict(given);
    expect(v.allowed).toBe(allowed);
    expect(v.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('takes the renewal as the granting contract', () => {
    expect(verdict(input([expired, renewal], release('2.4.0'))).contractId).toBe('C-NEW');
  });

  it.each([
    ['2025-12-31T15:59:59.999Z', true],
    ['2025-12-31T16:00:00.000Z', false],
  ])(
    'the contract end is the end of the day in its time zone (Asia/Shanghai, published %s → allowed %s)',
    (publishedAt, allowed) => {
      const shanghai = contract({ timeZone: 'Asia/Shanghai', startDate: '2025-01-01', endDate: '2025-12-31' });
      expect(verdict(input([shanghai], release('2.4.0', { publishedAt }))).allowed).toBe(allowed);
    },
  );
});

describe('verdict: release availability', () => {
  it.each<[string, VerdictInput, boolean, string[]]>([
    ['a prerelease is hidden without previews', input([upgradeSupport], release('3.1.0-rc.1')), false, ['PRERELEASE']],
    [
      'a withdrawn release is offered to no one, whatever the contract allows',
      input([upgradeSupport], release('2.4.0'), {
        withdrawal: { at: '2026-06-01T08:00:00Z', reason: 'Corrupts data' },
      }),
      false,
      ['RELEASE_WITHDRAWN'],
    ],
    [
      'a withdrawn release refused for other reasons too keeps them all',
      input([], release('2.4.0'), { withdrawal: { at: '2026-06-01T08:00:00Z', reason: 'Corrupts data' } }),
      false,
      ['NO_CONTRACT', 'RELEASE_WITHDRAWN'],
    ],
    [
      'a prerelease with previews under Upgrade Support',
      input([upgradeSupport], release('3.1.0-rc.1'), { includePrereleases: true }),
      true,
      [],
    ],
    [
      'a prerelease upgrade is never offered under Support',
      input([support], release('3.1.0-rc.1'), { includePrereleases: true }),
      false,
      ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'],
    ],
    [
      'a preview of a new major is not offered under Support even with the licence at that major',
      input([contract({ licensedMajors: { atlas: 3 } })], release('3.1.0-rc.1'), { includePrereleases: true }),
      false,
      ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'],
    ],
    [
      'a package for another platform',
      input([support], release('2.4.0', { platforms: ['win-x64'] })),
      false,
      ['NOT_FOR_PLATFORM'],
    ],
    [
      'a package for this platform',
      input([support], release('2.4.0', { platforms: ['win-x64', 'linux-x64'] })),
      true,
      [],
    ],
    [
      'an update published after its line’s end of maintenance',
      input([support], release('2.9.0', { publishedAt: '2026-05-01T00:00:00Z' }), { lifecycles }),
      false,
      ['LINE_PAST_END_OF_MAINTENANCE'],
    ],
    [
      'an update published on the last day of maintenance',
      input([support], release('2.9.0', { publishedAt: '2026-04-30T23:59:59Z' }), { lifecycles }),
      true,
      [],
    ],
    [
      'a line past its end of service',
      input([support], release('1.9.9', { publishedAt: '2024-06-01T00:00:00Z' }), { lifecycles }, '1.9.0'),
      false,
      ['LINE_PAST_END_OF_SERVICE'],
    ],
    [
      'several reasons at once, contract first',
      input([support], release('3.1.0-rc.1', { platforms: ['mac-arm64'] })),
      false,
      ['UPGRADE_REQUIRES_UPGRADE_SUPPORT', 'PRERELEASE', 'NOT_FOR_PLATFORM'],
    ],
  ])('%s', (_, given, allowed, codes) => {
    const v = verdict(given);
    expect(v.allowed).toBe(allowed);
    expect(v.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('every reason tells the customer what to do about it', () => {
    const cases = [
      input([], release('3.1.0-rc.1', { platforms: ['mac-arm64'] })),
      input([support, expired, pending], release('3.0.0', { publishedAt: '2027-01-01T00:00:00Z' }), {
        now: new Date('2027-10-01T00:00:00Z'),
      }),
      input([contract({ systems: [] })], release('2.4.0')),
      input([support], release('2.9.0', { publishedAt: '2026-05-01T00:00:00Z' }), { lifecycles }),
    ];
    const reasons = cases.flatMap((c) => verdict(c).reasons);
    expect(reasons.length).toBeGreaterThan(5);
    for (const r of reasons) {
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.remedy.length).toBeGreaterThan(10);
    }
  });
});

describe('verdict: bad input is refused with a coded error', () => {
  it.each<[string, VerdictInput, string]>([
    ['installed version is not semver', input([support], release('2.4.0'), {}, '2.3'), 'INVALID_VERSION'],
    ['release version is not semver', input([support], release('v2.4.0')), 'INVALID_VERSION'],
    ['release of another product', input([support], { ...release('2.4.0'), product: 'orbit' }), 'INVALID_INPUT'],
    ['invalid instant', input([support], release('2.4.0'), { now: new Date('nope') }), 'INVALID_INSTANT'],
    [
      'a contract that ends before it starts',
      input([contract({ endDate: '2025-12-31' })], release('2.4.0')),
      'END_BEFORE_START',
    ],
    [
      'a contract in an unknown time zone',
      input([contract({ timeZone: 'Mars/Olympus' })], release('2.4.0')),
      'UNKNOWN_TIME_ZONE',
    ],
    [
      'a contract with an unknown tier',
      input([contract({ tier: 'gold' as Contract['tier'] })], release('2.4.0')),
      'UNKNOWN_TIER',
    ],
    [
      'a malformed minUpgradeFrom',
      input([support], release('2.4.0', { minUpgradeFrom: '>=1.x.x.x' })),
      'INVALID_VERSION_RANGE',
    ],
  ])('%s', (_, given, code) => {
    expect(() => verdict(given)).toThrow(expect.objectContaining({ code }));
  });
});

describe('licensed major after taking a release', () => {
  it.each<[Record<string, number>, string, Record<string, number>]>([
    [{ atlas: 2 }, '3.0.0', { atlas: 3 }],
    [{ atlas: 3 }, '3.2.0', { atlas: 3 }],
    [{ atlas: 4 }, '3.2.0', { atlas: 4 }],
    [{}, '3.0.0', { atlas: 3 }],
  ])('%j + %s → %j', (before, version, after) => {
    expect(licensedMajorsAfter(contract({ licensedMajors: before }), release(version))).toEqual(after);
  });
});

describe('opening a service request', () => {
  it.each<[string, Contract[], boolean, string[]]>([
    ['in service', [support], true, []],
    ['expiring counts as in service', [contract({ endDate: '2026-07-01' })], true, []],
    ['expired: no new requests', [expired], false, ['CONTRACT_EXPIRED']],
    ['expired but renewed', [expired, renewal], true, []],
    ['pending', [pending], false, ['CONTRACT_PENDING']],
    ['not covered', [contract({ systems: [] })], false, ['SYSTEM_NOT_COVERED']],
  ])('%s', (_, contracts, allowed, codes) => {
    const r = requestEntitlement(contracts, 'SN-1', 'atlas', NOW);
    expect(r.allowed).toBe(allowed);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });
});

describe('verdict: a withdrawal in words', () => {
  it('names the version, when and why, and says not to install it', () => {
    const v = verdict(
      input([support], release('2.4.0'), { withdrawal: { at: '2026-06-01T08:00:00Z', reason: 'Corrupts data' } }),
    );
    const [r] = v.reasons;
    expect(r).toMatchObject({ code: 'RELEASE_WITHDRAWN', key: 'RELEASE_WITHDRAWN.release' });
    expect(r?.message).toContain('2.4.0');
    expect(r?.message).toContain('Corrupts data');
    expect(r?.remedy).toMatch(/Do not install 2\.4\.0/);
  });
});

describe('prepared verdicts: one system, many releases', () => {
  const releases = [
    release('2.4.0'),
    release('2.5.0-rc.1'),
    release('3.0.0'),
    release('3.1.0', { publishedAt: '2027-02-01T00:00:00Z' }),
    release('1.9.0'),
    release('2.6.0', { platforms: ['win-x64'] }),
  ];
  const withdrawal = { at: '2026-04-01T08:00:00Z', reason: 'Corrupts the audit log.' };
  it.each<[string, Contract[], Partial<VerdictInput>]>([
    ['no contract', [], {}],
    ['Support', [support], {}],
    ['Upgrade Support', [upgradeSupport], {}],
    ['expired, earned', [expired], {}],
    ['expired, none after expiry', [expired], { postExpiry: 'none' }],
    ['pending and active', [pending, renewal], {}],
    ['previews', [upgradeSupport], { includePrereleases: true }],
    ['lifecycles', [support, upgradeSupport], { lifecycles }],
    ['another system', [support], { system: { serialNumber: 'SN-9', product: 'atlas', installedVersion: '2.3.0' } }],
  ])('%s: every release judged as verdict() judges it alone', (_, contracts, over) => {
    const { release: _first, ...system } = input(contracts, releases[0]!, over);
    const prepared = prepareVerdict(system);
    for (const rel of releases) {
      expect(prepared.judge(rel)).toEqual(verdict({ ...system, release: rel }));
      expect(prepared.judge(rel, withdrawal)).toEqual(verdict({ ...system, release: rel, withdrawal }));
    }
  });

  it('refuses a bad release before a bad contract, as a single verdict does', () => {
    const broken = contract({ timeZone: 'Mars/Olympus' });
    const { release: _first, ...system } = input([broken], release('2.4.0'));
    const prepared = prepareVerdict(system);
    expect(codeOf(() => prepared.judge(release('v2.5')))).toBe('INVALID_VERSION');
    expect(codeOf(() => prepared.judge(release('2.5.0')))).toBe('UNKNOWN_TIME_ZONE');
  });
});
