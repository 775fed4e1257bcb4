/**
 * Every `hicare` command, subcommand and flag in one declared table. Help's command list, `help <command> <sub>` and
 * the completion scripts for bash, zsh and PowerShell are all read from it, so a flag added here is completed
 * everywhere and a flag missing here is visibly missing everywhere.
 */

export interface FlagSpec {
  /** The long name with its dashes: `--serial`. */
  name: string;
  /** A one-letter alias: `-q`. */
  short?: string;
  /** What the flag takes, as help writes it (`S`, `FILE`, `DIR`); absent for a switch. */
  value?: string;
}

export interface CommandSpec {
  name: string;
  flags: readonly FlagSpec[];
  subcommands?: readonly CommandSpec[];
  /** Fixed words the command takes as its argument, offered by completion (a shell's name, a setting's). */
  arguments?: readonly string[];
}

const json: FlagSpec = { name: '--json' };
const yes: FlagSpec = { name: '--yes' };
const serial: FlagSpec = { name: '--serial', value: 'S' };
const previews: FlagSpec = { name: '--previews' };

/** The settings `hicare config` reads and writes, by the names typed on the command line. */
export const CONFIG_KEYS = ['portal', 'proxy', 'ca-bundle', 'download-folder'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** The shells `hicare completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'powershell'] as const;

/** Flags every command takes, wherever they stand on the line. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: '--portal', value: 'URL' },
  json,
  { name: '--lang', value: 'LANG' },
  { name: '--ca-bundle', value: 'FILE' },
  { name: '--quiet', short: '-q' },
  { name: '--verbose', short: '-v' },
  { name: '--help', short: '-h' },
  { name: '--version', short: '-V' },
];

const COMMANDS: readonly CommandSpec[] = [
  { name: 'trust', flags: [yes] },
  { name: 'login', flags: [{ name: '--email', value: 'EMAIL' }, { name: '--password-stdin' }] },
  { name: 'logout', flags: [] },
  { name: 'entitlement', flags: [json] },
  {
    name: 'systems',
    flags: [json],
    subcommands: [{ name: 'set-version', flags: [{ name: '--not-in-catalog' }] }],
  },
  { name: 'check', flags: [serial, previews, json] },
  { name: 'download', flags: [serial, { name: '--out', value: 'DIR' }, previews, json] },
  { name: 'verify', flags: [json] },
  {
    name: 'install',
    flags: [serial, { name: '--bundle', value: 'FILE' }, { name: '--mirror', value: 'URL' }, json],
  },
  { name: 'upgrade', flags: [serial, { name: '--to', value: 'VERSION' }, yes, json] },
  { name: 'log', flags: [{ name: '--verify' }, { name: '--limit', value: 'N' }, json] },
  {
    name: 'request',
    flags: [json],
    subcommands: [
      {
        name: 'create',
        flags: [
          { name: '--from-failure', value: 'ID' },
          serial,
          { name: '--description', value: 'TEXT' },
          { name: '--priority', value: 'P' },
          { name: '--location', value: 'TEXT' },
          { name: '--alarm', value: 'TEXT' },
          { name: '--measurement', value: 'TEXT' },
          { name: '--attach', value: 'FILE' },
          yes,
        ],
      },
      { name: 'list', flags: [{ name: '--state', value: 'STATE' }] },
      { name: 'show', flags: [] },
      { name: 'message', flags: [] },
      {
        name: 'grant',
        flags: [
          { name: '--channel', value: 'CHANNEL' },
          { name: '--address', value: 'HOST' },
          { name: '--account', value: 'USER' },
          { name: '--scope', value: 'SCOPE' },
          { name: '--hours', value: 'N' },
          { name: '--password', value: 'P' },
        ],
      },
      { name: 'revoke', flags: [] },
      { name: 'confirm', flags: [] },
      { name: 'reject', flags: [{ name: '--reason', value: 'TEXT' }] },
      {
        name: 'survey',
        flags: [
          { name: '--rating', value: 'N' },
          { name: '--comment', value: 'TEXT' },
        ],
      },
      { name: 'flush', flags: [] },
      { name: 'discard', flags: [] },
    ],
  },
  {
    name: 'kb',
    flags: [json],
    subcommands: [
      {
        name: 'search',
        flags: [
          { name: '--product', value: 'P' },
          { name: '--version', value: 'V' },
          { name: '--kind', value: 'KIND' },
        ],
      },
      { name: 'show', flags: [] },
    ],
  },
  { name: 'support-bundle', flags: [{ name: '--out', value: 'FILE' }, { name: '--preview' }, json] },
  {
    name: 'bundle',
    flags: [json],
    subcommands: [
      {
        name: 'create',
        flags: [
          serial,
          { name: '--release', value: 'VERSION' },
          { name: '--updates' },
          { name: '--path-to', value: 'VERSION' },
          { name: '--out', value: 'FILE' },
        ],
      },
      { name: 'verify', flags: [{ name: '--mirror', value: 'URL' }] },
    ],
  },
  { name: 'mirror', flags: [], subcommands: [{ name: 'serve', flags: [{ name: '--port', value: 'P' }] }] },
  {
    name: 'config',
    flags: [json],
    subcommands: [
      { name: 'get', flags: [], arguments: CONFIG_KEYS },
      { name: 'set', flags: [], arguments: CONFIG_KEYS },
      { name: 'unset', flags: [], arguments: CONFIG_KEYS },
      { name: 'list', flags: [] },
    ],
  },
  { name: 'completion', flags: [], arguments: SHELLS },
];

/** The whole table; `help` takes any command's name, so it is declared from the others. */
export const COMMAND_TABLE: readonly CommandSpec[] = [
  ...COMMANDS,
  { name: 'help', flags: [], arguments: COMMANDS.map((c) => c.name) },
];

export function findCommand(name: string | undefined): CommandSpec | undefined {
  return COMMAND_TABLE.find((c) => c.name === name);
}

/** The flags a command line may use at `command [sub]`: its own, its subcommand's and the global ones. */
export function flagsAt(command: string, sub?: string): FlagSpec[] {
  const spec = findCommand(command);
  const subSpec = spec?.subcommands?.find((s) => s.name === sub);
  return [...(spec?.flags ?? []), ...(subSpec?.flags ?? []), ...GLOBAL_FLAGS];
}
