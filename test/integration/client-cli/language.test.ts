/**
 * `hicare` in Chinese against the real demo portal: the check with its verdicts and reasons, the systems table and a
 * coded error, chosen by --lang or by LANG; the English run of the same commands for comparison.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { displayWidth } from '../../../shared/display-width.js';
import { runHicare, type Run } from './run-hicare.js';

let dir = '';
let portal: Portal;
let url = '';
let seed: DemoSeedResult;

function hicare(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Run> {
  return runHicare(args, { HICARE_HOME: join(dir, 'home'), HICARE_PORTAL: url, ...env }, stdin);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-cli-lang-'));
  portal = await createPortal({ dataDirectory: join(dir, 'portal'), refreshEveryMs: 0 });
  seed = await seedDemo({ db: portal.db, catalog: portal.catalog, keysDir: portal.layout.keysDir, now: new Date() });
  url = await portal.listen({ host: '127.0.0.1', port: 0 });
  const email = 'it@contoso.example';
  const password = seed.accounts.find((a) => a.email === email)?.password ?? '';
  expect((await hicare(['trust', join(portal.layout.repoDir, '1.root.json'), '--yes'])).code).toBe(0);
  expect((await hicare(['login', '--email', email, '--password-stdin'], {}, `${password}\n`)).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await portal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a portal refusal in Chinese', () => {
  it('names the role and the roles that may, with no English', async () => {
    const run = await hicare(['request', 'list', '--lang', 'zh-CN']);
    expect(run.code, run.stderr).toBe(9);
    expect(run.stderr).toContain('IT 人员账户无权使用此功能。');
    expect(run.stderr).toContain('请以客户管理员、技术支持工程师或门户管理员身份登录后执行此操作。');
    expect(run.stderr).not.toContain('Requests visible');
  });
});

describe('hicare check in Chinese', () => {
  it.each<[string, string[], Record<string, string>]>([
    ['--lang zh-CN', ['check', '--serial', 'CG-ATL-0001', '--lang', 'zh-CN'], {}],
    ['LANG=zh_CN.UTF-8', ['check', '--serial', 'CG-ATL-0001'], { LANG: 'zh_CN.UTF-8' }],
  ])('%s: the candidates, the path and the refusal in Chinese', async (_how, args, env) => {
    const run = await hicare(args, env);
    expect(run.code, run.stderr).toBe(100);
    expect(run.stdout).toContain('✓ 升级 2.3.1');
    expect(run.stdout).toContain('✗ 升级 3.0.0-rc.1   PRERELEASE');
    expect(run.stdout).toContain('升级到 2.3.1 的路径：1.4.2 → 1.9.0 → 2.3.1');
    expect(run.stdout).not.toContain('Path to');
  });

  it('the same check in English', async () => {
    const run = await hicare(['check', '--serial', 'CG-ATL-0001']);
    expect(run.stdout).toContain('✓ upgrade 2.3.1');
    expect(run.stdout).toContain('Path to 2.3.1: 1.4.2 → 1.9.0 → 2.3.1');
  });

  it('--json keeps the machine fields whatever the language', async () => {
    const en = JSON.parse((await hicare(['--json', 'check'])).stdout) as unknown;
    const zh = JSON.parse((await hicare(['--json', 'check', '--lang', 'zh-CN'])).stdout) as { systems: unknown[] };
    expect(zh.systems.length).toBeGreaterThan(0);
    // Everything but the words: the text of messages and remedies is the only thing a language changes.
    const machine = (value: unknown) =>
      JSON.stringify(value, (k, v: unknown) => (k === 'message' || k === 'remedy' ? undefined : v));
    expect(machine(zh)).toBe(machine(en));
  });
});

describe('a coded error in both languages', () => {
  it.each<[string, string[], Record<string, string>, string, string]>([
    [
      'English',
      ['check', '--serial', 'NOPE-1'],
      {},
      'error NOT_FOUND: No system NOPE-1 is on your contracts.',
      'Run `hicare systems` to list them.',
    ],
    [
      '--lang zh-CN',
      ['check', '--serial', 'NOPE-1', '--lang', 'zh-CN'],
      {},
      '错误 NOT_FOUND：您的合同中没有系统 NOPE-1。',
      '运行 `hicare systems` 查看系统列表。',
    ],
    [
      'LANG=zh_CN.UTF-8',
      ['check', '--serial', 'NOPE-1'],
      { LANG: 'zh_CN.UTF-8' },
      '错误 NOT_FOUND：您的合同中没有系统 NOPE-1。',
      '运行 `hicare systems` 查看系统列表。',
    ],
  ])('%s', async (_how, args, env, message, remedy) => {
    const run = await hicare(args, env);
    expect(run.code).toBe(7);
    expect(run.stderr).toBe(`${message}\n  ${remedy}\n`);
  });

  it('--json with the Chinese message and remedy, the code and key as in English', async () => {
    const run = await hicare(['--json', 'check', '--serial', 'NOPE-1', '--lang', 'zh-CN']);
    expect(JSON.parse(run.stderr)).toEqual({
      code: 'NOT_FOUND',
      key: 'NOT_FOUND.cliSystem',
      params: { serial: 'NOPE-1' },
      message: '您的合同中没有系统 NOPE-1。',
      remedy: '运行 `hicare systems` 查看系统列表。',
    });
  });
});

describe('the systems table in Chinese', () => {
  it('has Chinese headers, and every column lines up on the terminal', async () => {
    const run = await hicare(['systems', '--lang', 'zh-CN']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^序列号\s+产品\s+已安装版本\s+来源\s+平台\s+位置$/);
    const header = lines[0] ?? '';
    const platformColumn = displayWidth(header.slice(0, header.indexOf('平台')));
    for (const line of lines.slice(1)) {
      // The platform column holds no spaces: where its cell starts is the display width of what precedes it.
      const cells = line.split(/ {2,}/);
      expect(cells.length, line).toBeGreaterThanOrEqual(5);
      const before = cells.slice(0, 4).join('  ');
      const start = line.indexOf(cells[4] ?? '', before.length);
      expect(displayWidth(line.slice(0, start)), line).toBe(platformColumn);
    }
  });
});
