/**
 * `hicare completion`: the scripts as the shells run them. bash and zsh source what `hicare completion SHELL` prints
 * and call its completion function as the shell would on Tab; PowerShell cannot run here, so its script's structure
 * is checked against the command table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../../electron/cli/command-table.js';
import { runHicare } from './run-hicare.js';

let dir = '';
const scripts: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-completion-'));
  await writeFile(join(dir, 'bundle-a.hcb'), '');
  for (const shell of ['bash', 'zsh', 'powershell']) {
    const run = await runHicare(['completion', shell], { HICARE_HOME: join(dir, 'home') });
    expect(run.code, run.stderr).toBe(0);
    scripts[shell] = join(dir, `hicare.${shell}`);
    await writeFile(scripts[shell], run.stdout);
  }
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** What bash offers on Tab after `words` (the last one is being typed). */
function bash(...words: string[]): string[] {
  const line = ['hicare', ...words].map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source "$0"; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _hicare; printf '%s\\n' "\${COMPREPLY[@]}"`,
      scripts['bash'] ?? '',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  return out.split('\n').filter((w) => w !== '');
}

/** What zsh's completion system would add after `words`: compinit loaded, compadd and _files observed. */
function zsh(...words: string[]): string[] {
  const list = ['hicare', ...words].map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'zsh',
    [
      '-fc',
      `autoload -U compinit && compinit -u -D; source "$0"; [[ $_comps[hicare] == _hicare ]] || print NOT-REGISTERED;
       compadd() { shift; print -l -- "$@"; }; _files() { print FILES; };
       words=(${list}); CURRENT=\${#words}; _hicare`,
      scripts['zsh'] ?? '',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  return out.split('\n').filter((w) => w !== '');
}

describe('hicare completion bash', () => {
  it('completes commands, subcommands and flags from the table', () => {
    expect(bash('')).toEqual(COMMAND_TABLE.map((c) => c.name));
    expect(bash('bu')).toEqual(['bundle']);
    expect(bash('bundle', '')).toEqual(['create', 'verify']);
    expect(bash('mirror', '')).toEqual(['serve']);
    expect(bash('bundle', 'create', '--')).toEqual(
      expect.arrayContaining(['--serial', '--release', '--updates', '--path-to', '--out', '--json', '--portal']),
    );
    expect(bash('install', '--b')).toEqual(['--bundle']);
    expect(bash('request', 'grant', '--ch')).toEqual(['--channel']);
  });

  it('skips flag values when finding the command, offers files for a FILE value and nothing for --serial', () => {
    expect(bash('--portal', 'http://p', 'che')).toEqual(['check']);
    expect(bash('bundle', 'verify', 'bundle-')).toEqual(['bundle-a.hcb']);
    expect(bash('bundle', 'create', '--out', 'bun')).toEqual(['bundle-a.hcb']);
    expect(bash('check', '--serial', '')).toEqual([]);
  });

  it('offers the fixed words a command takes: settings, shells, command names', () => {
    expect(bash('config', 'set', '')).toEqual(['portal', 'proxy', 'ca-bundle', 'download-folder']);
    expect(bash('completion', '')).toEqual(['bash', 'zsh', 'powershell']);
    expect(bash('help', 'su')).toEqual(['support-bundle']);
  });
});

describe('hicare completion zsh', () => {
  it('registers with compinit and completes like bash', () => {
    expect(zsh('')).toEqual(COMMAND_TABLE.map((c) => c.name));
    expect(zsh('request', 'gr')).toContain('grant');
    expect(zsh('kb', 'search', '--version', '')).toEqual([]);
    expect(zsh('bundle', 'create', '--out', '')).toEqual(['FILES']);
    expect(zsh('mirror', 'serve', '--')).toContain('--port');
  });
});

describe('hicare completion powershell', () => {
  it('registers a native completer for hicare holding every command, subcommand and flag', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(scripts['powershell'] ?? '', 'utf8');
    expect(text).toMatch(/Register-ArgumentCompleter -Native -CommandName hicare, hicare\.cmd -ScriptBlock \{/);
    expect(text).toContain('[System.Management.Automation.CompletionResult]::new(');
    for (const c of COMMAND_TABLE) {
      expect(text).toContain(`'${c.name}' = @{`);
      for (const s of c.subcommands ?? []) expect(text).toContain(`'${c.name} ${s.name}' = @{`);
      for (const f of c.flags) expect(text).toContain(`'${f.name}'`);
    }
  });

  it('refuses a shell it has no script for, as wrong usage', async () => {
    const run = await runHicare(['completion', 'fish'], { HICARE_HOME: join(dir, 'home') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Give a shell: bash, zsh, powershell.');
  });
});
