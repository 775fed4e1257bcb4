/**
 * The portal's database, storage, signed-catalog and request errors as a Chinese reader gets them: the reply body in
 * Chinese, with its remedy, and no English word from code (a state, a role, what was being stored) left in it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Account } from '../../../shared/contracts/accounts.js';
import { HicareError } from '../../../shared/errors.js';
import { databaseDamaged } from '../../../portal/db/sqlite-integrity.js';
import { parsePoolSize } from '../../../portal/db/pool-size.js';
import type { RequestRecord } from '../../../portal/db/requests.js';
import { checkInput, toIso } from '../../../portal/db/support.js';
import { requestNotFound } from '../../../portal/requests/access.js';
import { idempotencyConflict } from '../../../portal/requests/idempotency.js';
import { assertMayConverse } from '../../../portal/requests/messages.js';
import { selectKey } from '../../../portal/requests/select-key.js';

import { s3SettingsFromEnv } from '../../../portal/storage/config.js';
import { storeFailure } from '../../../portal/storage/s3-errors.js';
import { insufficientSpace } from '../../../portal/storage/space-error.js';
import { assertTargetName } from '../../../portal/tuf/target-name.js';

function thrown(fn: () => unknown): HicareError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HicareError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

function account(role: Account['role']): Account {
  return { id: 'a1', email: 'someone@example.com', name: 'Someone', role, customerId: null };
}

function request(state: RequestRecord['state']): RequestRecord {
  return { id: 'r1', number: 'TAC-7', state } as RequestRecord;
}

const refusals: [string, () => unknown][] = [
  ['a NUL in a contract', () => checkInput(z.object({ name: z.string() }), { name: 'a\u0000b' }, 'contract')],
  ['a pool size that is not a number', () => parsePoolSize('many')],
  ['a time past the year 9999', () => toIso(new Date(Date.UTC(10000, 0, 1)))],
  ['an unset bucket', () => s3SettingsFromEnv({ HICARE_BLOB_STORE: 's3' })],
  ['an empty target-name segment', () => assertTargetName('product//1.0/p.tar.gz')],
  ['IT staff writing on a request', () => assertMayConverse(request('in-progress'), account('it-staff'), 'write')],
  ['a message on a closed request', () => assertMayConverse(request('closed'), account('customer-admin'), 'write')],
];

const built: [string, HicareError][] = [
  ['a damaged SQLite file', databaseDamaged('/srv/hicare/portal.db', 2)],
  [
    'refused store credentials',
    storeFailure(
      Object.assign(new Error('AccessDenied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }),
      'read',
      'attachments/a1',
      'hicare',
    ),
  ],
  ['a full store', insufficientSpace('the signed catalog')],
  ['a reused idempotency key', idempotencyConflict('k1', 'TAC-7')],
  ['a request that is not there', requestNotFound('r1')],
];

/** Lower-case Latin words left once the values the message names and example paths are taken out. */
function englishWords(text: string, params: Record<string, string | number>): string[] {
  let rest = text;
  for (const value of Object.values(params)) rest = rest.split(String(value)).join(' ');
  return rest.replace(/\S*\/\S*/g, ' ').match(/\b[a-z]{3,}\b/g) ?? [];
}

describe('portal store errors in Chinese', () => {
  const cases: [string, HicareError][] = [
    ...refusals.map(([name, fn]): [string, HicareError] => [name, thrown(fn)]),

    ...built,
  ];

  it.each(cases)('writes %s in Chinese, with a remedy and no English word', (_name, error) => {
    const body = error.toBody('zh-CN');
    expect(body.key).toBe(error.key);
    for (const text of [body.message, body.remedy]) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(englishWords(text, error.params)).toEqual([]);
    }
    expect(body.message).not.toBe(error.message);
  });

  it.each([
    [
      assertMayConverse.bind(null, request('closed'), account('customer-admin'), 'write'),
      '服务请求 TAC-7 当前状态为“已关闭”，无法再添加任何内容。',
      '如果仍需帮助，请新建服务请求。',
    ],
    [
      assertMayConverse.bind(null, request('awaiting-customer'), account('it-staff'), 'attach'),
      'IT 人员账户不能为服务请求添加附件；会话仅在客户与工程师之间进行。',
      '请联系客户管理员或负责的工程师。',
    ],
    [
      () => assertTargetName('product/../p.tar.gz'),
      '"product/../p.tar.gz" 不是有效的目标名称：含有“..”段。',
      '请使用相对路径，例如 product/1.2.0/linux-x64/product-1.2.0.tar.gz。',
    ],
  ] as const)('says exactly what happened: %#', (fn, message, remedy) => {
    const body = thrown(fn).toBody('zh-CN');
    expect(body).toMatchObject({ message, remedy });
  });

  it.each([
    ['in-progress', 'Request TAC-7 is in-progress; the survey opens once a request is closed.', '处理中'],
    [
      'awaiting-customer',
      'Request TAC-7 is awaiting-customer; the survey opens once a request is closed.',
      '等待客户回复',
    ],
    ['accepted', 'Request TAC-7 is accepted; the survey opens once a request is closed.', '已受理'],
  ] as const)(
    'keeps the English of a %s request as it was, and names the state in Chinese',
    (state, english, chinese) => {
      const error = new HicareError('ILLEGAL_TRANSITION.requestSurveyNotClosed', {
        number: 'TAC-7',
        state: selectKey(state),
      });
      expect(error.message).toBe(english);
      expect(error.toBody('zh-CN').message).toBe(`服务请求 TAC-7 当前状态为“${chinese}”；请求关闭后才开放满意度调查。`);
    },
  );

  it('counts integrity problems in both languages', () => {
    const error = databaseDamaged('/srv/hicare/portal.db', 1);
    expect(error.message).toContain('reports 1 problem)');
    expect(error.toBody('zh-CN').message).toBe(
      '门户数据库 /srv/hicare/portal.db 已损坏（SQLite 完整性检查发现 1 个问题），门户无法在其上启动。',
    );
  });
});
