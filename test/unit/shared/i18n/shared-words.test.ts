import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidValues, issuesSentence, plainIssues, safeParsePlain } from '../../../../shared/api/plain-issues.js';
import { tierName, tierShortName, type Contract } from '../../../../shared/domain/contract.js';
import { lineNoticeWords, type LineNotice } from '../../../../shared/domain/line-notice.js';
import { rangeInWords } from '../../../../shared/domain/range-words.js';
import type { Release } from '../../../../shared/domain/release.js';
import { describeState, nextState, assertRequiredFields } from '../../../../shared/domain/request-state.js';
import { capitalRoleAccount, forbiddenFor, roleAccount, roleName } from '../../../../shared/domain/role-names.js';
import { PRIORITY_DEFINITIONS, priorityDefinition, type Priority } from '../../../../shared/domain/sla.js';
import { directInstallRefusal, planUpgradePath } from '../../../../shared/domain/upgrade-path.js';
import {
  requestEntitlement,
  verdict,
  type VerdictInput,
  type VerdictReasonCode,
} from '../../../../shared/domain/verdict.js';
import { ERROR_CODES, HicareError, isHicareError } from '../../../../shared/errors.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import { translate, type CatalogKey } from '../../../../shared/i18n/translator.js';
import { attachableType, attachmentTooLarge } from '../../../../shared/domain/attachment-type.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function contract(over: Partial<Contract> = {}): Contract {
  return {
    id: 'C-SUP',
    customerId: 'acme',
    tier: 'support',
    region: 'CN',
    timeZone: 'Asia/Shanghai',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    systems: [{ serialNumber: 'SN-1', product: 'atlas', location: 'Shanghai DC1' }],
    licensedMajors: { atlas: 2 },
    ...over,
  };
}

function release(version: string, over: Partial<Release> = {}): Release {
  return { product: 'atlas', version, publishedAt: '2026-03-01T00:00:00Z', ...over };
}

function input(contracts: Contract[], rel: Release, over: Partial<VerdictInput> = {}): VerdictInput {
  return {
    contracts,
    system: { serialNumber: 'SN-1', product: 'atlas', installedVersion: '2.3.0', platform: 'linux-x64' },
    release: rel,
    now: NOW,
    ...over,
  };
}

const expired = contract({ id: 'C-OLD', startDate: '2025-01-01', endDate: '2025-12-31' });

type Reason = ReturnType<typeof verdict>['reasons'][number];

/** The reason of one code among a verdict's. */
function pick(v: { reasons: Reason[] }, code: VerdictReasonCode): Reason {
  const found = v.reasons.find((r) => r.code === code);
  if (found === undefined) throw new Error(`no ${code} in ${v.reasons.map((r) => r.code).join()}`);
  return found;
}

describe('verdict reasons in Chinese', () => {
  it.each<[VerdictReasonCode, () => Reason, string, string]>([
    [
      'NO_CONTRACT',
      () => pick(verdict(input([], release('2.4.0'))), 'NO_CONTRACT'),
      '您没有维护合同。',
      '请联系您的客户经理购买应用软件支持服务。',
    ],
    [
      'SYSTEM_NOT_COVERED',
      () => pick(verdict(input([contract({ systems: [] })], release('2.4.0'))), 'SYSTEM_NOT_COVERED'),
      '系统 SN-1（atlas）不在合同 C-SUP 的覆盖范围内。',
      '请联系您的客户经理，将该系统加入您的维护合同。',
    ],
    [
      'CONTRACT_PENDING',
      () =>
        pick(
          verdict(input([contract({ startDate: '2026-09-01', endDate: '2027-08-31' })], release('2.4.0'))),
          'CONTRACT_PENDING',
        ),
      '合同 C-SUP 于 2026年9月1日 (Asia/Shanghai) 开始。',
      '请等到 2026年9月1日 (Asia/Shanghai) 服务开始。',
    ],
    [
      'CONTRACT_EXPIRED',
      () => pick(verdict(input([expired], release('2.4.0'), { postExpiry: 'none' })), 'CONTRACT_EXPIRED'),
      '合同 C-OLD 已于 2025年12月31日 (Asia/Shanghai) 结束。',
      '请续签维护合同，以便再次下载版本。',
    ],
    [
      'RELEASED_AFTER_CONTRACT_END',
      () => pick(verdict(input([expired], release('2.4.0'))), 'RELEASED_AFTER_CONTRACT_END'),
      '2.4.0 在合同 C-OLD 于 2025年12月31日 (Asia/Shanghai) 结束后发布。',
      '请续签维护合同；在 2025年12月31日 (Asia/Shanghai) 及之前发布的版本仍然可用。',
    ],
    [
      'UPGRADE_REQUIRES_UPGRADE_SUPPORT',
      () => pick(verdict(input([contract()], release('3.0.0'))), 'UPGRADE_REQUIRES_UPGRADE_SUPPORT'),
      '3.0.0 是主版本升级；您的应用软件支持服务合同只包含更新。',
      '请改为应用软件升级支持服务以获取主版本升级；已授权版本的更新仍然可用。',
    ],
    [
      'PRERELEASE',
      () => pick(verdict(input([contract()], release('2.5.0-rc.1'))), 'PRERELEASE'),
      '2.5.0-rc.1 是预览版，尚未正式发布。',
      '请在“设置 → 更新”中打开“显示预览版”以获取预览版（命令行中使用 --previews）。',
    ],
    [
      'NOT_FOR_PLATFORM',
      () => pick(verdict(input([contract()], release('2.4.0', { platforms: ['win-x64'] }))), 'NOT_FOR_PLATFORM'),
      '2.4.0 不是为 linux-x64 构建的。',
      '请选择为 linux-x64 构建的软件包。',
    ],
    [
      'LINE_PAST_END_OF_MAINTENANCE',
      () =>
        pick(
          verdict(
            input([contract()], release('2.4.0', { publishedAt: '2026-05-10T00:00:00Z' }), {
              lifecycles: [{ product: 'atlas', major: 2, ga: '2024-06-01', endOfMaintenance: '2026-04-30' }],
            }),
          ),
          'LINE_PAST_END_OF_MAINTENANCE',
        ),
      '2.x 产品线已于 2026年4月30日 到维护期结束，不再提供新的更新。',
      '请升级到仍在维护期内的主版本，以继续获得更新。',
    ],
    [
      'LINE_PAST_END_OF_SERVICE',
      () =>
        pick(
          verdict(
            input([contract()], release('2.4.0'), {
              lifecycles: [
                {
                  product: 'atlas',
                  major: 2,
                  ga: '2024-06-01',
                  endOfMaintenance: '2025-04-30',
                  endOfService: '2026-03-31',
                },
              ],
            }),
          ),
          'LINE_PAST_END_OF_SERVICE',
        ),
      '2.x 产品线已于 2026年3月31日 到服务期结束。',
      '请升级到受支持的主版本。',
    ],
  ])('%s', (code, reasonOf, message, remedy) => {
    const r = reasonOf();
    expect(r.code).toBe(code);
    expect(r.key?.split('.')[0]).toBe(code);
    expect(localizeProblem('zh-CN', r)).toEqual({ message, remedy });
    // The English the reason carries is the catalog's English for the same key and params.
    expect(localizeProblem('en', r)).toEqual({ message: r.message, remedy: r.remedy });
  });

  it('writes contract dates out with the contract’s zone, in English too', () => {
    const r = pick(
      verdict(input([contract({ startDate: '2026-09-01', endDate: '2027-08-31' })], release('2.4.0'))),
      'CONTRACT_PENDING',
    );
    expect(r.message).toBe('Contract C-SUP starts on 1 Sept 2026, Asia/Shanghai.');
    expect(r.params).toEqual({ contractId: 'C-SUP', startDate: '2026-09-01', zone: 'Asia/Shanghai' });
  });

  it.each<[string, () => Reason, string]>([
    [
      'not covered',
      () => pick(requestEntitlement([contract({ systems: [] })], 'SN-1', 'atlas', NOW), 'SYSTEM_NOT_COVERED'),
      '系统 SN-1 不在您任何一份合同的覆盖范围内。',
    ],
    [
      'pending',
      () =>
        pick(
          requestEntitlement([contract({ startDate: '2026-09-01', endDate: '2027-08-31' })], 'SN-1', 'atlas', NOW),
          'CONTRACT_PENDING',
        ),
      '您的服务于 2026年9月1日 (Asia/Shanghai) 开始。',
    ],
    [
      'expired',
      () => pick(requestEntitlement([expired], 'SN-1', 'atlas', NOW), 'CONTRACT_EXPIRED'),
      '您的合同已于 2025年12月31日 (Asia/Shanghai) 结束。',
    ],
  ])('opening a request refused: %s', (_, reasonOf, message) => {
    expect(localizeProblem('zh-CN', reasonOf()).message).toBe(message);
  });
});

describe('every error code has a plain entry in both languages', () => {
  it.each(ERROR_CODES.map((code) => [code]))('%s', (code) => {
    const error = new HicareError(code);
    expect(error.message).not.toMatch(/[{}]/);
    const zh = error.toBody('zh-CN');
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.remedy).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('errors of the shared rules in Chinese', () => {
  function raised(run: () => unknown): HicareError {
    try {
      run();
    } catch (error) {
      if (isHicareError(error)) return error;
      throw error;
    }
    throw new Error('nothing was raised');
  }

  it.each<[string, () => HicareError, string, string]>([
    [
      'an illegal transition',
      () => raised(() => nextState('closed', 'accept', 'engineer')),
      '操作“accept”不适用于状态为“已关闭”的请求；状态为“已关闭”的请求无法再执行任何操作。',
      '该请求已关闭；如果问题再次出现，请新建请求。',
    ],
    [
      'a role that may not act',
      () => raised(() => nextState('solution-proposed', 'confirm', 'engineer')),
      '工程师不能对状态为“已提出解决方案”的请求执行“confirm”；只有客户管理员可以。',
      '请让客户管理员执行此操作。',
    ],
    [
      'IT staff acting on a request',
      () => raised(() => nextState('submitted', 'cancel', 'it-staff')),
      'IT 人员不能对状态为“已提交”的请求执行“cancel”；只有客户管理员或门户管理员可以。',
      'IT 人员账户只能下载更新；请让客户管理员处理该请求。',
    ],
    [
      'missing request fields',
      () => raised(() => assertRequiredFields({ serialNumber: 'SN-1', location: ' ' })),
      '该请求缺少设备位置和故障描述。',
      '请在提交请求前填写所有必填字段。',
    ],
    [
      'a role refused an endpoint',
      () => forbiddenFor('it-staff', { kind: 'use', summary: 'Requests' }, ['customer-admin', 'portal-admin']),
      'IT 人员账户无权使用此功能。',
      '请以客户管理员或门户管理员身份登录后执行此操作。',
    ],
    [
      'an attachment too large',
      () => attachmentTooLarge(6 * 1024 * 1024, 'trace.log'),
      '文件 trace.log 大小为 6.0 MiB；最多只能附加 5 MiB。',
      '请压缩文件（gzip 或 zip），或只附加相关部分；每个文件最大 5 MiB。',
    ],
    [
      'an attachment that is a program',
      () => raised(() => attachableType('tool.png', new Uint8Array([0x4d, 0x5a, 0, 0]))),
      '文件 tool.png 是一个程序。',
      '请附加 text/plain, application/json, application/gzip, application/zip, image/png, image/jpeg 类型的文件，并按其真实类型声明。',
    ],
  ])('%s', (_, error, message, remedy) => {
    expect(error().toBody('zh-CN')).toMatchObject({ message, remedy });
  });

  it('keeps the English of a refusal word for word', () => {
    expect(forbiddenFor('it-staff', { kind: 'downloadPackages' }, ['customer-admin']).message).toBe(
      'An IT staff account may not download packages.',
    );
    expect(raised(() => assertRequiredFields({})).message).toBe(
      'The request is missing the serial number of the equipment, the equipment location and the description of the fault.',
    );
  });

  it('says why no upgrade path leads to a release, in Chinese', () => {
    const releases = [
      release('1.9.0'),
      release('2.0.0', { minUpgradeFrom: '>=1.9.0' }),
      release('3.0.0', { minUpgradeFrom: '>=2.5.0' }),
    ];
    const plan = planUpgradePath('1.4.0', releases, { version: '3.0.0' });
    expect(plan.ok).toBe(false);
    if (plan.ok || plan.key === undefined) return;
    expect(translate('zh-CN', `errors.${plan.key}.message` as CatalogKey, plan.params)).toBe(
      '无法从 1.4.0 升级到 atlas 3.0.0：该版本只能安装在符合“>=2.5.0”的版本之上，而没有可用的版本能通往那里。',
    );
    const refusal = directInstallRefusal(
      { installed: '1.4.0', serialNumber: 'SN-1', release: releases[1]!, releases },
      'zh-CN',
    );
    expect(refusal?.toBody('zh-CN')).toMatchObject({
      message: 'Atlas 2.0.0 只能安装在1.9.0 及更高的版本之上；SN-1 当前运行 1.4.0。',
      remedy: '请先安装 1.9.0，或按路径 1.9.0 → 2.0.0 依次安装。',
    });
  });
});

describe('SLA words', () => {
  it.each<[Priority, string, string]>([
    ['P1', "critical impact on the customer's business operations", '对客户的业务运营造成严重影响'],
    [
      'P2',
      'significant aspects of business operations negatively impacted; operations possible but degraded or severely limited',
      '业务运营的重要方面受到负面影响；业务仍可进行，但性能下降或严重受限',
    ],
    ['P3', 'limited impact; most business operations remain functional', '影响有限；大部分业务运营仍正常'],
    [
      'P4',
      'little or no impact; information, assistance, configuration or other enquiries',
      '几乎没有影响；信息、协助、配置或其他咨询',
    ],
  ])('%s', (priority, english, chinese) => {
    expect(priorityDefinition(priority)).toBe(english);
    expect(PRIORITY_DEFINITIONS[priority].definition).toBe(english);
    expect(priorityDefinition(priority, 'zh-CN')).toBe(chinese);
  });

  it.each([
    ['support', 'Support', '支持服务', 'Application Software Support', '应用软件支持服务'],
    [
      'upgrade-support',
      'Upgrade Support',
      '升级支持服务',
      'Application Software Upgrade Support',
      '应用软件升级支持服务',
    ],
  ] as const)('tier %s', (tier, short, shortZh, full, fullZh) => {
    expect([tierShortName(tier), tierShortName(tier, 'zh-CN')]).toEqual([short, shortZh]);
    expect([tierName(tier), tierName(tier, 'zh-CN')]).toEqual([full, fullZh]);
  });
});

describe('domain words in both languages', () => {
  it.each([
    ['>=1.9.0 <3', '1.9.0 or a later 1.x, or any 2.x', '1.9.0 及更高的 1.x 版本，或任意 2.x 版本'],
    ['^2', 'any 2.x', '任意 2.x 版本'],
    ['>=1.8.0', '1.8.0 or later', '1.8.0 及更高的版本'],
    ['<2.0.0', 'any version before 2.0.0', '2.0.0 之前的任意版本'],
    ['>=1.2.0 <1.4.0', '1.2.0 or later, before 1.4.0', '不低于 1.2.0 且低于 1.4.0 的版本'],
    ['>=2.0.0 <5', 'any 2.x to 4.x', '任意 2.x 至 4.x 版本'],
    ['1.2.3 || 1.4.0', '1.2.3, or 1.4.0', '1.2.3，或1.4.0'],
  ])('range %s', (range, english, chinese) => {
    expect(rangeInWords(range)).toBe(english);
    expect(rangeInWords(range, 'zh-CN')).toBe(chinese);
  });

  const notices: [string, LineNotice, string | null, string, string][] = [
    [
      'past end of service',
      { kind: 'past-end-of-service', endOfService: '2026-03-31' },
      null,
      'Atlas 1.x reached its end of service on 2026-03-31: it is no longer serviced. Plan the upgrade to a newer major version.',
      'Atlas 1.x 已于 2026-03-31 到服务期结束，不再提供服务。请规划升级到更新的主版本。',
    ],
    [
      'nearing end of service',
      { kind: 'nearing-end-of-service', endOfService: '2026-07-01', daysLeft: 1, endOfMaintenance: '2026-01-31' },
      'Atlas 2.3.1',
      'Atlas 1.x reaches its end of service on 2026-07-01 (in 1 day). It has had no new updates since 2026-01-31. The upgrade to Atlas 2.3.1 leaves it.',
      'Atlas 1.x 将于 2026-07-01（1 天后）到服务期结束。自 2026-01-31 起已不再提供新的更新。升级到 Atlas 2.3.1 即可离开该产品线。',
    ],
    [
      'end of service today',
      { kind: 'nearing-end-of-service', endOfService: '2026-07-01', daysLeft: 0, endOfMaintenance: null },
      null,
      'Atlas 1.x reaches its end of service on 2026-07-01 (today). Plan the upgrade to a newer major version.',
      'Atlas 1.x 将于 2026-07-01（今天）到服务期结束。请规划升级到更新的主版本。',
    ],
    [
      'past end of maintenance',
      { kind: 'past-end-of-maintenance', endOfMaintenance: '2026-01-31', endOfService: '2026-12-31' },
      'Atlas 2.3.1',
      'Atlas 1.x reached its end of maintenance on 2026-01-31: it gets no new updates, and its service ends on 2026-12-31. The upgrade to Atlas 2.3.1 leaves it.',
      'Atlas 1.x 已于 2026-01-31 到维护期结束，不再提供新的更新，其服务期将于 2026-12-31 结束。升级到 Atlas 2.3.1 即可离开该产品线。',
    ],
  ];
  it.each(notices)('line notice: %s', (_, notice, upgrade, english, chinese) => {
    expect(lineNoticeWords(notice, 'Atlas 1.x', upgrade)).toBe(english);
    expect(lineNoticeWords(notice, 'Atlas 1.x', upgrade, (d) => d, 'zh-CN')).toBe(chinese);
  });

  it.each([
    ['customer-admin', 'Customer administrator', '客户管理员', 'a customer administrator account', '客户管理员账户'],
    ['it-staff', 'IT staff', 'IT 人员', 'an IT staff account', 'IT 人员账户'],
    ['engineer', 'Support engineer', '技术支持工程师', 'a support engineer account', '技术支持工程师账户'],
    ['portal-admin', 'Portal administrator', '门户管理员', 'a portal administrator account', '门户管理员账户'],
  ] as const)('role %s', (role, name, nameZh, account, accountZh) => {
    expect([roleName(role), roleName(role, 'zh-CN')]).toEqual([name, nameZh]);
    expect([roleAccount(role), roleAccount(role, 'zh-CN')]).toEqual([account, accountZh]);
    expect(capitalRoleAccount(role, 'zh-CN')).toBe(accountZh);
  });

  it.each([
    ['submitted', 'Submitted and waiting for an engineer to accept it.', '已提交，正在等待工程师受理。'],
    ['awaiting-customer', 'The engineer is waiting for an answer from the customer.', '工程师正在等待客户答复。'],
    ['closed', 'Closed.', '已关闭。'],
  ] as const)('request state %s', (state, english, chinese) => {
    expect(describeState(state)).toBe(english);
    expect(describeState(state, 'zh-CN')).toBe(chinese);
  });
});

describe('plain issues in both languages', () => {
  const Schema = z.object({
    password: z.string().min(12),
    scope: z.enum(['read', 'write']),
    name: z.string().min(1),
    count: z.number().int().max(10),
    email: z.email(),
  });
  const given = { password: 'short', scope: 'admin', name: '', count: 11.5, email: 'nope' };

  it.each([
    ['password', 'at least 12 characters', '至少 12 个字符'],
    ['scope', 'must be one of "read" or "write"', '必须是 "read"或"write" 之一'],
    ['name', 'must not be empty', '不能为空'],
    ['email', 'must be an e-mail address', '必须是电子邮件地址'],
  ])('%s', (path, english, chinese) => {
    const error = safeParsePlain(Schema, given).error!;
    expect(plainIssues(error).find((i) => i.path === path)?.message).toBe(english);
    expect(plainIssues(error, [], 'zh-CN').find((i) => i.path === path)?.message).toBe(chinese);
  });

  it('says a missing field is required, and counts what is not shown', () => {
    const error = safeParsePlain(z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string() }), {}).error!;
    expect(issuesSentence(plainIssues(error, [], 'zh-CN'), 'zh-CN')).toBe('a：必填；b：必填；c：必填；另有 1 项');
  });

  it('refuses the values with a keyed INVALID_INPUT, in the language asked for', () => {
    const error = safeParsePlain(Schema, { ...given, password: 'long enough password' }).error!;
    const refusal = invalidValues(plainIssues(error, [], 'zh-CN'), 'INVALID_INPUT.values', {}, 'zh-CN');
    expect(refusal.key).toBe('INVALID_INPUT.values');
    expect(refusal.toBody('zh-CN').message).toBe(
      '以下值不被接受：scope：必须是 "read"或"write" 之一；name：不能为空；count：必须是整数；另有 1 项。',
    );
    expect(refusal.toBody('zh-CN').remedy).toBe('请更正所指出的值后重试。');
  });

  it('keeps a remedy of the caller’s own', () => {
    const error = safeParsePlain(Schema, given).error!;
    const refusal = invalidValues(plainIssues(error), 'Send only serialNumber and installedVersion.');
    expect(refusal.remedy).toBe('Send only serialNumber and installedVersion.');
    expect(refusal.message.startsWith('These values are not accepted: password: at least 12 characters;')).toBe(true);
  });
});
