/** Secrets written the way a Chinese site writes them never reach the app log or a support bundle. */
import { describe, expect, it } from 'vitest';
import { redactLogFields, redactLogText } from '../../../electron/core/logging/index.js';
import { redactForBundle, redactJsonLines } from '../../../electron/core/support/bundle-redaction.js';

const SECRETS = {
  dbPassword: 'Mima#2025zh',
  aliyunId: 'LTAI5tQ2bX9kYwZ8mN7pR3sV',
  aliyunSecret: 'hDx8Gz0Lq3Rv7Wb2Ny5Kp9Mt4Sc6Fa',
  tencentId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA',
  huaweiAk: 'QWERTYUIOPASDFGHJKL1',
};

const installerLog = [
  '2026-11-24 10:02:11 开始安装 Hi-Care 4.2.1',
  `数据库密码：${SECRETS.dbPassword}`,
  `阿里云 AccessKey ID：${SECRETS.aliyunId}，AccessKey Secret：${SECRETS.aliyunSecret}`,
  `TENCENTCLOUD_SECRET_ID=${SECRETS.tencentId}`,
  `HUAWEICLOUD_SDK_AK=${SECRETS.huaweiAk}`,
  '安装完成，退出码 0',
].join('\n');

describe('Chinese secrets in logs and bundles', () => {
  it('hides them in a log line and keeps the rest of the line', () => {
    const text = redactLogText(installerLog);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text.split('\n')[0]).toBe('2026-11-24 10:02:11 开始安装 Hi-Care 4.2.1');
    expect(text.split('\n')[1]).toBe('数据库密码：[REDACTED password]');
    expect(text.split('\n')[5]).toBe('安装完成，退出码 0');
  });

  it('hides them in logged fields, by value and by a Chinese field name', () => {
    const fields = redactLogFields({ 登录密码: SECRETS.dbPassword, note: `授权码：${SECRETS.huaweiAk}` });
    expect(JSON.stringify(fields)).not.toMatch(new RegExp(`${SECRETS.dbPassword}|${SECRETS.huaweiAk}`));
  });

  it('hides them in a bundle, as text and as JSON lines that stay JSON', () => {
    expect(redactForBundle(installerLog)).not.toMatch(
      new RegExp(Object.values(SECRETS).join('|').replace(/[#$]/g, '\\$&')),
    );
    const line = JSON.stringify({
      message: '同步失败',
      env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS.aliyunSecret },
    });
    const out = redactJsonLines(line);
    expect(JSON.parse(out)).toEqual({
      message: '同步失败',
      env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: '[REDACTED cloud-key]' },
    });
  });
});
