import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract.js';
import {
  assertNoOverlap,
  contractChain,
  overlappingContract,
  planTierChange,
  resolveContractStart,
  startSentence,
  type StartBasis,
  type StartGiven,
} from '../../../shared/domain/contract-start.js';
import { verdict } from '../../../shared/domain/verdict.js';
import { translator } from '../../../shared/i18n/translator.js';
import { codeOf } from '../../support.js';

function contract(over: Partial<Contract> = {}): Contract {
  return {
    id: 'C-1',
    customerId: 'acme',
    tier: 'support',
    region: 'EMEA',
    timeZone: 'UTC',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    systems: [{ serialNumber: 'SN-1', product: 'atlas', location: 'Berlin' }],
    licensedMajors: { atlas: 2 },
    ...over,
  };
}

describe('resolveContractStart', () => {
  it.each<[string, StartGiven, Contract | undefined, string, StartBasis]>([
    ['the purchase order', { start: '2026-03-05' }, undefined, '2026-03-05', { kind: 'purchase-order' }],
    [
      'shipment + 90 days',
      { shippedOn: '2026-12-05' },
      undefined,
      '2027-03-05',
      { kind: 'shipment', shippedOn: '2026-12-05', installationServices: false },
    ],
    [
      'shipment + 90 days, a PAC given without installation services is ignored',
      { shippedOn: '2026-12-05', pacOn: '2027-01-10' },
      undefined,
      '2027-03-05',
      { kind: 'shipment', shippedOn: '2026-12-05', installationServices: false },
    ],
    [
      'the PAC with installation services',
      { shippedOn: '2026-12-05', installationServices: true, pacOn: '2027-01-10' },
      undefined,
      '2027-01-10',
      { kind: 'shipment', shippedOn: '2026-12-05', installationServices: true, pacOn: '2027-01-10' },
    ],
    [
      'the day after the renewed contract',
      { renews: 'C-1' },
      contract(),
      '2027-01-01',
      { kind: 'renewal', renewsContractId: 'C-1', previousEndDate: '2026-12-31' },
    ],
  ])('%s', (_name, given, previous, startDate, startBasis) => {
    expect(resolveContractStart(given, 'acme', previous)).toEqual({ startDate, startBasis });
  });

  it.each<[string, StartGiven, Contract | undefined, string]>([
    ['nothing given', {}, undefined, 'MISSING_START_DATE_BASIS'],
    ['empty texts', { start: '', shippedOn: '' }, undefined, 'MISSING_START_DATE_BASIS'],
    ['two bases', { start: '2026-01-01', shippedOn: '2025-10-01' }, undefined, 'MISSING_START_DATE_BASIS'],
    [
      'installation without PAC',
      { shippedOn: '2026-12-05', installationServices: true },
      undefined,
      'MISSING_START_DATE_BASIS',
    ],
    [
      'PAC before shipment',
      { shippedOn: '2026-12-05', installationServices: true, pacOn: '2026-12-01' },
      undefined,
      'INVALID_INPUT',
    ],
    ['a renewal of another customer', { renews: 'C-1' }, contract({ customerId: 'globex' }), 'INVALID_INPUT'],
    ['a renewal of an unknown contract', { renews: 'C-9' }, undefined, 'NOT_FOUND'],
    ['a bad date', { start: '2026-02-30' }, undefined, 'INVALID_DATE'],
  ])('refuses %s', (_name, given, previous, code) => {
    expect(codeOf(() => resolveContractStart(given, 'acme', previous))).toBe(code);
  });
});

describe('overlap', () => {
  const first = contract();
  it.each<[string, Partial<Contract>, string | undefined]>([
    ['the renewal the day after', { id: 'C-2', startDate: '2027-01-01', endDate: '2027-12-31' }, undefined],
    ['a period sharing the last day', { id: 'C-2', startDate: '2026-12-31', endDate: '2027-12-31' }, 'C-1'],
    ['a period inside', { id: 'C-2', startDate: '2026-03-01', endDate: '2026-04-01' }, 'C-1'],
    [
      'other systems at the same time',
      { id: 'C-2', systems: [{ serialNumber: 'SN-2', product: 'atlas', location: 'Paris' }] },
      undefined,
    ],
    ['another customer’s contract', { id: 'C-2', customerId: 'globex' }, undefined],
    ['the contract itself (an update)', { endDate: '2027-06-30' }, undefined],
  ])('%s', (_name, over, clash) => {
    expect(overlappingContract(contract(over), [first])?.contract.id).toBe(clash);
  });

  it('refuses with the clashing contract and system', () => {
    expect(codeOf(() => assertNoOverlap(contract({ id: 'C-2' }), [first]))).toBe('CONTRACT_OVERLAP');
  });
});

describe('planTierChange', () => {
  it('ends the contract the day before and runs the new tier to the old end', () => {
    expect(planTierChange(contract(), 'upgrade-support', '2026-05-01')).toEqual({
      previousEndDate: '2026-04-30',
      next: {
        tier: 'upgrade-support',
        startDate: '2026-05-01',
        endDate: '2026-12-31',
        startBasis: { kind: 'tier-change', changedFromContractId: 'C-1', previousTier: 'support' },
      },
    });
  });

  it.each<[string, Contract['tier'], string, string]>([
    ['the same tier', 'support', '2026-05-01', 'INVALID_INPUT'],
    ['the first day', 'upgrade-support', '2026-01-01', 'INVALID_INPUT'],
    ['before the period', 'upgrade-support', '2025-12-01', 'INVALID_INPUT'],
    ['after the period', 'upgrade-support', '2027-01-01', 'INVALID_INPUT'],
    ['a bad date', 'upgrade-support', '2026-13-01', 'INVALID_DATE'],
  ])('refuses %s', (_name, tier, on, code) => {
    expect(codeOf(() => planTierChange(contract(), tier, on))).toBe(code);
  });

  it('keeps a Support release published before the change allowed, and allows an upgrade after it', () => {
    const plan = planTierChange(contract(), 'upgrade-support', '2026-05-01');
    const before = contract({ endDate: plan.previousEndDate });
    const after = contract({ id: 'C-1-2026-05-01', ...plan.next });
    const system = { serialNumber: 'SN-1', product: 'atlas', installedVersion: '2.3.0' };
    const now = new Date('2026-06-15T12:00:00Z');
    const update = { product: 'atlas', version: '2.4.0', publishedAt: '2026-03-01T00:00:00Z' };
    const upgrade = { product: 'atlas', version: '3.0.0', publishedAt: '2026-06-01T00:00:00Z' };
    expect(verdict({ contracts: [before, after], system, release: update, now }).allowed).toBe(true);
    const upgraded = verdict({ contracts: [before, after], system, release: upgrade, now });
    expect(upgraded).toMatchObject({ allowed: true, kind: 'upgrade', contractId: 'C-1-2026-05-01' });
    // Before the change the same upgrade was refused: Support alone does not carry it.
    const earlier = new Date('2026-04-15T12:00:00Z');
    expect(verdict({ contracts: [before, after], system, release: upgrade, now: earlier }).allowed).toBe(false);
  });
});

describe('contractChain', () => {
  it('links renewals and tier changes, oldest first, from any member', () => {
    const a = contract({ id: 'A' });
    const b = contract({
      id: 'B',
      startDate: '2027-01-01',
      endDate: '2027-05-31',
      startBasis: { kind: 'renewal', renewsContractId: 'A', previousEndDate: '2026-12-31' },
    });
    const c = contract({
      id: 'C',
      startDate: '2027-06-01',
      endDate: '2027-12-31',
      startBasis: { kind: 'tier-change', changedFromContractId: 'B', previousTier: 'support' },
    });
    const other = contract({ id: 'X', startDate: '2030-01-01', endDate: '2030-12-31' });
    for (const member of [a, b, c]) {
      expect(contractChain(member, [other, c, a, b]).map((x) => x.id)).toEqual(['A', 'B', 'C']);
    }
    expect(contractChain(other, [other, a]).map((x) => x.id)).toEqual(['X']);
  });
});

describe('startSentence', () => {
  const en = translator('en');
  const zh = translator('zh-CN');
  it.each<[string, StartBasis | undefined, string, string]>([
    [
      'an old row, read as the purchase order',
      undefined,
      'Service start 5 Mar 2027 (UTC): as the purchase order states',
      '服务开始日期：2027年3月5日（UTC），依据采购订单',
    ],
    [
      'shipment',
      { kind: 'shipment', shippedOn: '2026-12-05', installationServices: false },
      'Service start 5 Mar 2027 (UTC): 90 days after shipment on 5 Dec 2026',
      '服务开始日期：2027年3月5日（UTC），发货（2026年12月5日）后 90 天',
    ],
    [
      'PAC',
      { kind: 'shipment', shippedOn: '2026-12-05', installationServices: true, pacOn: '2027-03-05' },
      'Service start 5 Mar 2027 (UTC): on preliminary acceptance of the installation shipped on 5 Dec 2026',
      '服务开始日期：2027年3月5日（UTC），为安装项目（2026年12月5日 发货）的初步验收日',
    ],
    [
      'renewal',
      { kind: 'renewal', renewsContractId: 'C-1', previousEndDate: '2027-03-04' },
      'Service start 5 Mar 2027 (UTC): the day after contract C-1 ended on 4 Mar 2027',
      '服务开始日期：2027年3月5日（UTC），合同 C-1 于 2027年3月4日 结束后的次日',
    ],
    [
      'tier change',
      { kind: 'tier-change', changedFromContractId: 'C-1', previousTier: 'upgrade-support' },
      'Service start 5 Mar 2027 (UTC): when contract C-1 moved up or down from Upgrade Support',
      '服务开始日期：2027年3月5日（UTC），合同 C-1 由“升级支持”变更服务级别之日',
    ],
  ])('%s', (_name, startBasis, english, chinese) => {
    const c = { startDate: '2027-03-05', timeZone: 'UTC', ...(startBasis === undefined ? {} : { startBasis }) };
    const { key, params } = startSentence(c);
    expect(en(key, params)).toBe(english);
    expect(zh(key, params)).toBe(chinese);
  });
});
