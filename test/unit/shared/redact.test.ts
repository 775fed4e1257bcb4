/** Secrets never leave the desktop in diagnostics: each kind is found, replaced, and listed masked for the preview. */
import { describe, expect, it } from 'vitest';
import { findSecrets, redact, redactValue } from '../../../shared/domain/redact.js';

const KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describe('redact', () => {
  it.each([
    [
      'a bearer token',
      'GET /api Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      'bearer-token',
    ],
    ['an API key', 'using key hck_AbCdEfGhIjKlMnOpQrStUvWx for upload', 'hck_AbCdEfGhIjKlMnOpQrStUvWx', 'api-key'],
    [
      'a JWT',
      'session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0',
      'jwt',
    ],
    ['an AWS key', 'aws_access_key_id AKIAIOSFODNN7EXAMPLE set', 'AKIAIOSFODNN7EXAMPLE', 'cloud-key'],
    ['a password assignment', 'db.password = "S3cr3t!pass"', 'S3cr3t!pass', 'password'],
    [
      'a password in a URL',
      'fetching https://deploy:hunter2hunter2@repo.example.com/pkg',
      'hunter2hunter2',
      'url-credentials',
    ],
    ['a PostgreSQL URL', 'DATABASE_URL=postgres://app:pa55word@db:5432/prod', 'pa55word', 'connection-string'],
    [
      'an ADO.NET connection string',
      'Server=sql01;Database=cobalt;User Id=sa;Password=Winter2026!;',
      'Winter2026!',
      'connection-string',
    ],
    ['a cookie header', 'Cookie: sid=abcdef1234567890; theme=dark', 'sid=abcdef1234567890', 'cookie'],
    ['a private key', `key follows\n${KEY}\ndone`, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', 'private-key'],
  ])('removes %s', (_, text, secret, kind) => {
    const r = redact(text);
    expect(r.text).not.toContain(secret);
    expect(r.text).toContain(`[REDACTED ${kind}]`);
    expect(r.removed.map((x) => x.kind)).toContain(kind);
    for (const x of r.removed) expect(x.masked).not.toContain(secret.slice(4));
  });

  it('leaves ordinary log lines alone and says where each finding was', () => {
    const log = [
      '2026-11-24 Installing cobalt 4.2.1',
      'ERROR 1603: pre-install check failed',
      'token=abc123def456ghi',
      'done',
    ].join('\n');
    const r = redact(log);
    expect(r.text.split('\n').slice(0, 2)).toEqual(log.split('\n').slice(0, 2));
    expect(r.removed).toEqual([{ kind: 'password', line: 3, masked: expect.any(String) as string }]);
  });

  it('redacts inside structured data, and drops fields named like secrets whole', () => {
    const { value, removed } = redactValue({
      hostname: 'plc-7',
      env: { PGPASSWORD: 'x', note: 'password: letmein123' },
      password: 'plain',
      list: ['Bearer abcdefghijklmnopqrstuvwxyz'],
    });
    expect(JSON.stringify(value)).not.toMatch(/letmein123|plain|abcdefghijklmnopqrstuvwxyz/);
    expect(value.hostname).toBe('plc-7');
    expect(removed.map((r) => r.path).sort()).toEqual(['$.env.note', '$.list[0]', '$.password']);
  });
});

describe('secrets typed by the customer', () => {
  const typed =
    'The agent stops after the update.\nWe log in with password=Hunter2Hunter2 and token=abcdef0123456789abcdef';

  it('finds each typed secret with its value for the form, and removes all of them by default', () => {
    expect(findSecrets(typed).map((f) => [f.kind, f.line, f.secret])).toEqual([
      ['password', 2, 'Hunter2Hunter2'],
      ['password', 2, 'abcdef0123456789abcdef'],
    ]);
    const r = redact(typed);
    expect(r.text).toBe(
      'The agent stops after the update.\nWe log in with password=[REDACTED password] and token=[REDACTED password]',
    );
    expect(r.kept).toEqual([]);
  });

  it.each([
    ['keeps nothing', () => false, 'password=[REDACTED password] and token=[REDACTED password]', 2, 0],
    [
      'keeps the one chosen',
      (f: { secret: string }) => f.secret === 'Hunter2Hunter2',
      'password=Hunter2Hunter2 and token=[REDACTED password]',
      1,
      1,
    ],
    ['keeps everything', () => true, 'password=Hunter2Hunter2 and token=abcdef0123456789abcdef', 0, 2],
  ])('%s when the customer says so', (_, keep, line, removed, kept) => {
    const r = redact(typed, keep);
    expect(r.text.split('\n')[1]).toBe(`We log in with ${line}`);
    expect(r.removed).toHaveLength(removed);
    expect(r.kept).toHaveLength(kept);
    for (const x of [...r.removed, ...r.kept]) expect(x.masked).not.toContain('Hunter2Hunter2');
  });
});

describe('secrets labelled in Chinese and the keys of the clouds common in China', () => {
  it.each([
    ['a database password after a full-width colon', '数据库密码：Abc123!@#，请勿外传', 'Abc123!@#', 'password'],
    ['a login password after an ASCII colon', '登录密码: P@ssw0rd2024', 'P@ssw0rd2024', 'password'],
    ['a pass phrase (口令) with =', '口令=xYz987654', 'xYz987654', 'password'],
    ['a key (密钥) in a sentence', '请使用密钥：9f8e7d6c5b4a3928 连接网关。', '9f8e7d6c5b4a3928', 'password'],
    ['the usual misspelling 秘钥', '秘钥：k3yK3yk3y', 'k3yK3yk3y', 'password'],
    ['an access token, quoted', '访问令牌：“tok_abcdef123456”', '“tok_abcdef123456”', 'password'],
    ['an access key (访问密钥)', '访问密钥=QWERTYuiop123456', 'QWERTYuiop123456', 'password'],
    ['an authorization code', '授权码：AUTH-2024-XYZ', 'AUTH-2024-XYZ', 'password'],
    ['a private key label', '私钥：c2VjcmV0LWtleS1ieXRlcw==', 'c2VjcmV0LWtleS1ieXRlcw==', 'password'],
    ['a password "是" a password-like value', '初始密码是 Admin@2024，登录后请修改。', 'Admin@2024', 'password'],
    ['a password "为" a password-like value', '管理员密码为Hicare#001', 'Hicare#001', 'password'],
    ['an English label with a full-width colon', 'password：Secr3tValue，已重置', 'Secr3tValue', 'password'],
    [
      'an Alibaba Cloud AccessKey ID',
      '阿里云 AccessKey ID：LTAI5tQ2bX9kYwZ8mN7pR3sV，已停用',
      'LTAI5tQ2bX9kYwZ8mN7pR3sV',
      'cloud-key',
    ],
    [
      'a Tencent Cloud SecretId',
      '腾讯云SecretId：AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA，请轮换',
      'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA',
      'cloud-key',
    ],
    ['a Huawei Cloud AK, labelled', 'HUAWEICLOUD_SDK_AK=QWERTYUIOPASDFGHJKL1', 'QWERTYUIOPASDFGHJKL1', 'cloud-key'],
    ['a Huawei Cloud AK after a short label', '华为云 AK：ZXCVBNMASDFGHJKLQWE2', 'ZXCVBNMASDFGHJKLQWE2', 'cloud-key'],
    [
      'a Baidu Cloud AK, labelled',
      'BCE_ACCESS_KEY_ID="0123456789abcdef0123456789abcdef"',
      '0123456789abcdef0123456789abcdef',
      'cloud-key',
    ],
    ['an access key ID in Chinese', '访问密钥ID：ABCDEFGH12345678IJKL', 'ABCDEFGH12345678IJKL', 'cloud-key'],
    [
      'an Alibaba AccessKeySecret',
      'AccessKeySecret：hDx8Gz0Lq3Rv7Wb2Ny5Kp9Mt4Sc6Fa',
      'hDx8Gz0Lq3Rv7Wb2Ny5Kp9Mt4Sc6Fa',
      'cloud-key',
    ],
    [
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'export ALIBABA_CLOUD_ACCESS_KEY_SECRET=hDx8Gz0Lq3Rv7Wb2Ny5Kp9Mt4Sc6Fa',
      'hDx8Gz0Lq3Rv7Wb2Ny5Kp9Mt4Sc6Fa',
      'cloud-key',
    ],
    [
      'TENCENTCLOUD_SECRET_KEY',
      'TENCENTCLOUD_SECRET_KEY: Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      'cloud-key',
    ],
    [
      'a SecretKey in JSON',
      '{"SecretKey": "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"}',
      'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      'cloud-key',
    ],
    [
      'an SK after a full-width colon',
      '华为云 SK：Vb7Nm2Qw9Er4Ty6Ui1Op3As5Df8Gh0Jk',
      'Vb7Nm2Qw9Er4Ty6Ui1Op3As5Df8Gh0Jk',
      'cloud-key',
    ],
  ])('removes %s', (_, text, secret, kind) => {
    const r = redact(text);
    expect(r.text).not.toContain(secret);
    expect(r.text).toContain(`[REDACTED ${kind}]`);
    expect(r.removed.map((x) => x.kind)).toEqual([kind]);
  });

  it('keeps the sentence around a Chinese secret as written', () => {
    expect(redact('数据库密码：Abc123!@#，请勿外传。').text).toBe('数据库密码：[REDACTED password]，请勿外传。');
    expect(redact('初始密码是 Admin@2024，登录后请修改。').text).toBe('初始密码是 [REDACTED password]，登录后请修改。');
  });

  it.each([
    ['a word that starts with a label', '密码学：研究加密与解密的学科'],
    ['a heading with a label and Chinese after it', '修改密码：请在“设置”中操作'],
    ['a question about a password', '密码是否正确？'],
    ['an empty password', '密码为空，无法登录'],
    ['a password rule', '密码是 8 位以上的字母和数字'],
    ['an algorithm after 密钥', '密钥为 RSA-2048，签名为 SHA256'],
    ['"LTAI" in prose', 'LTAI 是阿里云 AccessKey ID 的前缀'],
    ['a short LTAI word', 'see LTAI-ticket 42'],
    ['a 20-letter upper-case word without a label', '错误代码 ABCDEFGHIJKLMNOPQRST 见手册'],
    ['a version string', 'Hi-Care 4.12.0-rc.1 (build 20261124) 已安装'],
    ['a label with a version', 'HUAWEICLOUD_SDK_AK version 3.1.52'],
    ['AKID too short', 'AKIDshort 不是密钥'],
  ])('leaves %s alone', (_, text) => {
    expect(redact(text)).toEqual({ text, removed: [], kept: [] });
  });

  it('drops fields named like a secret in Chinese or like a cloud secret', () => {
    const { value, removed } = redactValue({
      数据库密码: 'db-pass',
      私钥: 'pk',
      env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'short', TENCENTCLOUD_SECRET_KEY: 'x', LANG: 'zh_CN.UTF-8' },
      密码学: '一门学科',
    });
    expect(value).toEqual({
      数据库密码: '[REDACTED password]',
      私钥: '[REDACTED password]',
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: '[REDACTED cloud-key]',
        TENCENTCLOUD_SECRET_KEY: '[REDACTED cloud-key]',
        LANG: 'zh_CN.UTF-8',
      },
      密码学: '一门学科',
    });
    expect(removed.map((r) => r.kind).sort()).toEqual(['cloud-key', 'cloud-key', 'password', 'password']);
  });
});
