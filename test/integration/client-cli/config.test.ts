/**
 * `hicare config` as a real child process: what is set is what the app's settings file holds and what the commands
 * use; a refused value is said with its code and remedy, in both languages, and leaves the setting as it was.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_TEXT, runHicare, type Run } from './run-hicare.js';

let dir = '';
const home = (): string => join(dir, 'home');

function hicare(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runHicare(args, { HICARE_HOME: home(), HICARE_PORTAL: '', NODE_EXTRA_CA_CERTS: '', ...env });
}

async function savedSettings(): Promise<Record<string, unknown>> {
  const file = JSON.parse(await readFile(join(home(), 'settings.json'), 'utf8')) as {
    settings: Record<string, unknown>;
  };
  return file.settings;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('hicare config', () => {
  it('sets, gets and unsets the portal, saved where the app reads it', async () => {
    const set = await hicare(['config', 'set', 'portal', 'https://portal.example.com']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('portal is set to https://portal.example.com.\n');
    expect((await savedSettings())['portalUrl']).toBe('https://portal.example.com');
    expect((await hicare(['config', 'get', 'portal'])).stdout).toBe('https://portal.example.com\n');
    // The environment wins over the setting, and `get` says the value in force.
    expect((await hicare(['config', 'get', 'portal'], { HICARE_PORTAL: 'http://127.0.0.1:9' })).stdout).toBe(
      'http://127.0.0.1:9\n',
    );
    const unset = await hicare(['config', 'unset', 'portal']);
    expect(unset.stdout).toBe('portal is no longer set.\n');
    expect((await savedSettings())['portalUrl']).toBeNull();
    const none = await hicare(['config', 'get', 'portal']);
    expect([none.code, none.stdout]).toEqual([0, '']);
  });

  it('lists each value with where it comes from, in words and as JSON', async () => {
    const pem = join(dir, 'proxy-ca.pem');
    await writeFile(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect((await hicare(['config', 'set', 'ca-bundle', pem])).code).toBe(0);
    expect((await hicare(['config', 'set', 'download-folder', join(dir, 'downloads')])).code).toBe(0);
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
    const list = await hicare(['config', 'list', '--portal', 'https://flag.example'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^KEY +VALUE +FROM$/m);
    expect(list.stdout).toMatch(/^portal +https:\/\/flag\.example +flag --portal$/m);
    expect(list.stdout).toMatch(/^proxy +http:\/\/proxy\.corp:3128 +environment HTTPS_PROXY$/m);
    expect(list.stdout).toMatch(new RegExp(`^ca-bundle +${pem} +setting$`, 'm'));
    expect(list.stdout).toMatch(/^download-folder +\S+downloads +setting$/m);
    const json = JSON.parse((await hicare(['--json', 'config', 'list'])).stdout) as {
      settings: { key: string; source: string }[];
    };
    expect(json.settings.map((s) => [s.key, s.source])).toEqual([
      ['portal', 'default'],
      ['proxy', 'default'],
      ['ca-bundle', 'setting'],
      ['download-folder', 'setting'],
    ]);
    const zh = await hicare(['config', 'list', '--lang', 'zh-CN']);
    expect(zh.stdout).toMatch(/^设置项 +值 +来源$/m);
    expect(zh.stdout).toMatch(/^portal +（未设置） +默认值$/m);
  });

  it.each<[string, string[], string, string]>([
    ['a portal that is not a web address', ['portal', 'portal.example'], 'INVALID_INPUT', 'http:// or https://'],
    ['a proxy on another protocol', ['proxy', 'socks5://proxy:1080'], 'INVALID_INPUT', 'http:// or https://'],
    ['a CA bundle that does not exist', ['ca-bundle', '/nonexistent/ca.pem'], 'NOT_FOUND', 'cannot be found'],
    ['a CA bundle without a certificate', ['ca-bundle', '/etc/hostname'], 'INVALID_INPUT', 'no PEM certificate'],
    ['a download folder under a file', ['download-folder', '/etc/hostname/sub'], 'INVALID_INPUT', 'cannot be created'],
  ])('refuses %s with a coded error and keeps the setting', async (_what, args, code, words) => {
    const before = await savedSettings();
    const run = await hicare(['config', 'set', ...args]);
    expect(run.code).toBe(code === 'NOT_FOUND' ? 7 : 1);
    expect(run.stderr).toMatch(new RegExp(`^error ${code}: .*${words}`, 'm'));
    expect(run.stderr.split('\n')[1]).toMatch(/^ {2}\S/);
    expect(run.stderr).not.toMatch(INTERNAL_TEXT);
    expect(await savedSettings()).toEqual(before);
    const zh = await hicare(['config', 'set', ...args, '--lang', 'zh-CN']);
    expect(zh.stderr).toMatch(new RegExp(`^错误 ${code}：.*[\\u4e00-\\u9fff]`, 'm'));
  });

  it('says wrong usage (2) for an unknown setting, a missing value or subcommand', async () => {
    for (const args of [['set', 'colour', 'red'], ['set', 'portal'], ['frobnicate'], []]) {
      const run = await hicare(['config', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('hicare config set KEY VALUE');
    }
    expect((await hicare(['config', 'get', 'colour'])).stderr).toContain(
      'Unknown setting: colour. Choose one of: portal, proxy, ca-bundle, download-folder.',
    );
  });

  it('uses --ca-bundle before the saved bundle: a file that is not PEM is refused when the portal is called', async () => {
    const run = await hicare(['check', '--portal', 'https://127.0.0.1:9', '--ca-bundle', '/etc/hostname']);
    expect(run.stderr).not.toMatch(INTERNAL_TEXT);
    expect(run.stderr).toMatch(/^error (INVALID_INPUT|UNAUTHENTICATED)/m);
  });
});
