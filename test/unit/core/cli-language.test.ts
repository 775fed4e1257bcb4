/**
 * `hicare` in English or Chinese: chosen by --lang (anywhere, or --lang=) or the POSIX locale, refused in words when
 * unknown; help, usage errors, coded errors (and their --json message and remedy) and tables in that language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth, padToWidth } from '../../../shared/display-width.js';
import { cliLocale } from '../../../electron/cli/language.js';
import { runCli } from '../../../electron/cli/main.js';
import { renderCheck, renderSystems, table } from '../../../electron/cli/render.js';
import type { SystemResolution } from '../../../electron/core/resolver/resolver.js';
import type { InventorySystem } from '../../../electron/core/inventory/inventory.js';
import { EXIT } from '../../../electron/cli/exit-codes.js';
import { REQUEST_STATES, ROLES } from '../../../shared/domain/request-state.js';
import { translate } from '../../../shared/i18n/translator.js';

const home = mkdtempSync(join(tmpdir(), 'hicare-lang-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function hicare(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    // No portal anywhere: a command that needs one stops with a coded error before any network.
    env: { HICARE_HOME: home, ...env },
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += text),
    errIsTty: false,
    readStdin: () => Promise.resolve(''),
  });
  return { code, stdout, stderr };
}

describe('which language hicare speaks', () => {
  it.each<[string | undefined, Record<string, string>, string]>([
    [undefined, {}, 'en'],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'de_DE.UTF-8' }, 'en'],
    [undefined, { LANG: 'C.UTF-8' }, 'en'],
    [undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [undefined, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [undefined, { LANGUAGE: 'fr:zh_CN', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    ['en', { LANG: 'zh_CN.UTF-8' }, 'en'],
    ['zh-CN', { LANG: 'en_US.UTF-8' }, 'zh-CN'],
  ])('--lang %s with %j → %s', (lang, env, locale) => {
    expect(cliLocale(lang, env)).toEqual({ ok: true, locale });
  });

  it.each(['fr', 'zh', 'chinese', ''])('--lang %j is not a language it speaks', (lang) => {
    expect(cliLocale(lang, {})).toEqual({ ok: false, given: lang });
  });
});

describe('help', () => {
  it.each([[['--help', '--lang', 'zh-CN']], [['--lang=zh-CN', 'help']], [['--help'], { LANG: 'zh_CN.UTF-8' }]] as [
    string[],
    Record<string, string>?,
  ][])('%j: the main help in Chinese, flag names unchanged', async (argv, env) => {
    const run = await hicare(argv, env);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('用法：hicare [--portal URL] [--json] [--lang en|zh-CN] [-q|-v] <命令> [选项]');
    expect(run.stdout).toContain('  check                     每个系统可用的更新和升级，附原因和解决办法');
    expect(run.stdout).toContain('退出码：');
    expect(run.stdout).toContain(' 10  未确认');
  });

  it('a command’s help in Chinese', async () => {
    const run = await hicare(['request', '--help', '--lang', 'zh-CN']);
    expect(run.stdout).toContain('hicare request survey REQUEST --rating 1..5 [--comment TEXT]');
    expect(run.stdout).toContain('REQUEST 是请求编号（TAC-2026-000002）或其 ID。');
    expect(run.stdout).toMatch(/每个不超过 \d+ MiB/);
  });

  it('stays English without a Chinese locale', async () => {
    const run = await hicare(['--help'], { LANG: 'C' });
    expect(run.stdout).toContain('Usage: hicare [--portal URL] [--json] [--lang en|zh-CN] [-q|-v] <command> [options]');
    expect(run.stdout).toContain('Exit codes:');
  });
});

describe('an unknown --lang', () => {
  it.each<[string[], Record<string, string>, RegExp]>([
    [['--lang', 'fr', 'check'], {}, /^Unknown language for --lang: fr\. Choose one of: en, zh-CN\.$/m],
    [
      ['check', '--lang=klingon'],
      { LANG: 'zh_CN.UTF-8' },
      /^--lang 的语言未知：klingon。请从以下选项中选择：en, zh-CN。$/m,
    ],
    [['check', '--lang'], {}, /^--lang needs a language: en, zh-CN\.$/m],
  ])('%j is wrong usage, said in the language that applies otherwise', async (argv, env, words) => {
    const run = await hicare(argv, env);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toMatch(words);
  });
});

describe('errors in the chosen language', () => {
  it.each<[string[], Record<string, string>]>([
    [['check', '--lang', 'zh-CN'], {}],
    [['--lang=zh-CN', 'check'], { LANG: 'en_US.UTF-8' }],
    [['check'], { LANG: 'zh_CN.UTF-8' }],
  ])('%j with %j: a coded error and its remedy in Chinese, the code unchanged', async (argv, env) => {
    const run = await hicare(argv, env);
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toBe(
      '错误 INVALID_INPUT：尚未配置门户。\n  请指定 --portal URL（或设置 HICARE_PORTAL），例如 --portal http://127.0.0.1:8780。\n',
    );
  });

  it('the same error in English', async () => {
    const run = await hicare(['check']);
    expect(run.stderr).toBe(
      'error INVALID_INPUT: No portal is configured.\n  Pass --portal URL (or set HICARE_PORTAL), e.g. --portal http://127.0.0.1:8780.\n',
    );
  });

  it('--json keeps the code and key, with message and remedy in Chinese', async () => {
    const run = await hicare(['--json', 'check', '--lang', 'zh-CN']);
    expect(JSON.parse(run.stderr)).toEqual({
      code: 'INVALID_INPUT',
      key: 'INVALID_INPUT.cliNoPortal',
      message: '尚未配置门户。',
      remedy: '请指定 --portal URL（或设置 HICARE_PORTAL），例如 --portal http://127.0.0.1:8780。',
    });
  });

  it.each<[string[], string, string]>([
    [['login'], 'Missing --email.', '缺少 --email。'],
    [['check', '--nope'], 'Unknown option: --nope', '未知选项：--nope'],
    [['login', '--email'], 'The option --email needs a value.', '选项 --email 需要一个值。'],
    [['check', 'extra'], 'Unexpected argument: extra', '多余的参数：extra'],
    [['upgrade', '--serial', 'S'], 'Give --serial S and --to VERSION.', '请指定 --serial S 和 --to VERSION。'],
    [['bogus'], 'Unknown command: bogus', '未知命令：bogus'],
  ])('%j: wrong usage in either language', async (argv, english, chinese) => {
    const en = await hicare(argv);
    const zh = await hicare([...argv, '--lang', 'zh-CN']);
    expect([en.code, zh.code]).toEqual([EXIT.usage, EXIT.usage]);
    expect(en.stderr.split('\n')[0]).toBe(english);
    expect(zh.stderr.split('\n')[0]).toBe(chinese);
  });
});

describe('columns line up with Chinese text', () => {
  it.each<[string, number]>([
    ['abc', 3],
    ['序列号', 6],
    ['已安装版本', 10],
    ['（未知）', 8],
    ['1.4.2（不在目录中）', 19],
    ['Hi-Care 更新管理器', 18],
    ['', 0],
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(displayWidth(padToWidth(text, 20))).toBe(20);
  });

  it('pads a table by display width', () => {
    expect(
      table([
        ['序列号', 'x'],
        ['CG-1', 'y'],
      ]),
    ).toBe('序列号  x\nCG-1    y');
  });

  it('the systems table in Chinese: every column starts at the same terminal column', () => {
    const system = (serial: string, version: string | null, notInCatalog = false): InventorySystem =>
      ({
        serialNumber: serial,
        product: 'atlas',
        installedVersion: version,
        notInCatalog,
        versionSource: version === null ? null : 'entered',
        platform: null,
        location: '上海数据中心',
      }) as unknown as InventorySystem;
    const text = renderSystems(
      [system('CG-ATL-0001', '1.4.2'), system('CG-COB-0001', '9.9.9', true), system('CG-BCN-0001', null)],
      'zh-CN',
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('序列号       产品   已安装版本           来源      平台  位置');
    expect(lines[2]).toContain('9.9.9（不在目录中）');
    expect(lines[3]).toContain('（未知）');
    // The column "位置" starts at the same display column on every line.
    const column = (line: string) => displayWidth(line.slice(0, line.indexOf(line.includes('位置') ? '位置' : '上海')));
    expect(new Set(lines.map(column)).size).toBe(1);
  });
});

describe('words from identifiers', () => {
  it.each(REQUEST_STATES)('the request state %s has words in both languages, never the identifier', (state) => {
    const key = state.replaceAll('-', '_');
    expect(translate('zh-CN', 'cli.request.state', { state: key })).toMatch(/^\p{Script=Han}+$/u);
    expect(translate('en', 'cli.request.state', { state: key })).not.toContain('_');
  });

  it.each(ROLES)('the role %s reads as words when signing in', (role) => {
    const params = {
      portal: 'https://portal',
      name: 'Li Lei',
      email: 'li@x.example',
      expiresAt: '2026-12-06T12:00:00Z',
    };
    const zh = translate('zh-CN', 'cli.login.signedIn', { ...params, role: role.replaceAll('-', '_') });
    const en = translate('en', 'cli.login.signedIn', { ...params, role: role.replaceAll('-', '_') });
    expect(zh).not.toMatch(/[a-z]+[_-][a-z]+/);
    expect(zh).toMatch(/^已登录 https:\/\/portal，身份为 Li Lei（li@x\.example，(IT )?\p{Script=Han}/u);
    expect(en).not.toMatch(/[a-z]+[_-][a-z]+ \)|_/);
  });
});

describe('a check in the chosen language', () => {
  // A 1.8 system offered 3.0.0, which installs only over 1.9 or 2.x: the range is said in words.
  const resolution = {
    system: { serialNumber: 'SN-1', product: 'atlas', installedVersion: '1.8.0', location: 'Lab' },
    updates: [],
    upgrades: [
      {
        target: { name: 'atlas-3.0.0.tar.gz', custom: { version: '3.0.0', minUpgradeFrom: '>=1.9.0 <3' } },
        verdict: { allowed: true, kind: 'upgrade', reasons: [] },
      },
    ],
    recommended: null,
    line: null,
  } as unknown as SystemResolution;

  it.each([
    ['en', '1.9.0 or a later 1.x, or any 2.x'],
    ['zh-CN', '1.9.0 及更高的 1.x 版本，或任意 2.x 版本'],
  ] as const)('in %s, says what a release installs over in words', (locale, range) => {
    const text = renderCheck([resolution], locale);
    expect(text).toContain(range);
    if (locale === 'zh-CN') expect(text).not.toMatch(/\b(or|any|later)\b/);
  });
});
