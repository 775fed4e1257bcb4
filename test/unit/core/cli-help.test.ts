/** `hicare help`: every command of the table has its page, in English and Chinese, and subcommands their lines. */
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../../electron/cli/command-table.js';
import type { CliIo } from '../../../electron/cli/context.js';
import { subcommandHelp } from '../../../electron/cli/help.js';
import { runCli } from '../../../electron/cli/main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    env: { HICARE_HOME: '/nonexistent-hicare-home' },
    out: (s) => (out += `${s}\n`),
    err: (s) => (err += s),
    errIsTty: false,
    readStdin: () => Promise.resolve(''),
  };
  return { code: await runCli(args, io), out, err };
}

// Their pages are written with the commands themselves, elsewhere.
const PAGES_ELSEWHERE = ['bundle', 'mirror'];

describe('hicare help', () => {
  it.each(COMMAND_TABLE.map((c) => c.name).filter((n) => !PAGES_ELSEWHERE.includes(n)))(
    'help %s prints its own page in both languages',
    async (name) => {
      const en = await run(['help', name]);
      expect(en.code).toBe(0);
      expect(en.out).toMatch(new RegExp(`^hicare ${name}`));
      const zh = await run(['--lang', 'zh-CN', 'help', name]);
      expect(zh.code).toBe(0);
      expect(zh.out).toMatch(new RegExp(`^hicare ${name}`));
    },
  );

  it('lists every command of the table in the main help', async () => {
    const { out } = await run(['help']);
    for (const c of COMMAND_TABLE) expect(out).toMatch(new RegExp(`^  ${c.name}\\b`, 'm'));
  });

  it('prints a subcommand’s usage lines with the explanation, continuation lines included', () => {
    const grant = subcommandHelp('en', 'request', 'create');
    expect(grant.split('\n\n')[0]).toBe(
      [
        'hicare request create --from-failure ID|last [--priority P1..P4] [--yes]',
        'hicare request create --serial S --description TEXT --priority P1..P4 [--location TEXT]',
        '    [--alarm TEXT]... [--measurement TEXT]... [--attach FILE]... [--yes]',
      ].join('\n'),
    );
    expect(grant).toContain('REQUEST is the request');
    expect(grant).not.toContain('hicare request list');
  });

  it('says an unknown command or subcommand is wrong usage (2), with the help that fits', async () => {
    const command = await run(['help', 'nope']);
    expect(command.code).toBe(2);
    expect(command.err).toContain('Unknown command: nope');
    const sub = await run(['help', 'kb', 'nope']);
    expect(sub.code).toBe(2);
    expect(sub.err).toContain('Unknown kb command: nope');
    expect(sub.err).toContain('hicare kb search WORDS...');
  });

  it('prints the version with --version and -V, before any command', async () => {
    expect((await run(['--version'])).out).toMatch(/^hicare \d+\.\d+\.\d+/);
    expect((await run(['-V'])).code).toBe(0);
  });
});
