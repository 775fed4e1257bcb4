/**
 * `hicare`: takes the global flags (--portal, --json) wherever they stand, dispatches to a command, prints coded
 * errors with their remedy (as JSON on stderr with --json) and returns the documented exit code.
 */
import { isHicareError, type HicareError } from '../../shared/errors.js';
import { fileError } from '../core/files/file-error.js';
import {
  checkCommand,
  downloadCommand,
  entitlementCommand,
  installCommand,
  logCommand,
  loginCommand,
  logoutCommand,
  systemsCommand,
  trustCommand,
  UsageError,
  verifyCommand,
} from './commands.js';
import { commandHint } from './command-hints.js';
import { CliContext, type CliIo, type GlobalFlags } from './context.js';
import { requestCommand } from './request-commands.js';
import { supportBundleCommand } from './support-command.js';
import { upgradeCommand } from './upgrade-command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { HELP, MAIN_HELP } from './help.js';

const COMMANDS: Record<string, (ctx: CliContext, args: readonly string[]) => Promise<void>> = {
  trust: trustCommand,
  login: loginCommand,
  logout: logoutCommand,
  entitlement: entitlementCommand,
  systems: systemsCommand,
  check: checkCommand,
  download: downloadCommand,
  verify: verifyCommand,
  install: installCommand,
  upgrade: upgradeCommand,
  log: logCommand,
  request: requestCommand,
  'support-bundle': supportBundleCommand,
};

function splitGlobals(argv: readonly string[]): { flags: GlobalFlags; rest: string[] } {
  const flags: GlobalFlags = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') flags.json = true;
    else if (arg === '--portal') flags.portal = argv[++i];
    else if (arg.startsWith('--portal=')) flags.portal = arg.slice('--portal='.length);
    else rest.push(arg);
  }
  return { flags, rest };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, rest } = splitGlobals(argv);
  const [command, ...args] = rest;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.err(`Unknown command: ${command}\n\n${MAIN_HELP}\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP[command] ?? MAIN_HELP);
    return EXIT.ok;
  }
  try {
    await run(new CliContext(io, flags), args);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${HELP[command] ?? MAIN_HELP}\n`);
      return EXIT.usage;
    }
    if (isHicareError(error)) return report(error, flags, io);
    // A file-system error nobody turned into words still gets them; anything else is ours, and its text (a stack,
    // a library's message) is for the vendor, shown only with HICARE_DEBUG=1.
    const coded = fileError(error, { file: 'commandLineFile', path: (error as { path?: string }).path ?? '(unknown)' });
    if (isHicareError(coded)) return report(coded, flags, io);
    io.err(
      'error INTERNAL: Something went wrong inside hicare.\n  Run it again; if it persists, report it to the vendor with the command you ran (HICARE_DEBUG=1 shows the details).\n',
    );
    if (io.env['HICARE_DEBUG'] === '1')
      io.err(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
}

/** A coded error as the user reads it: code, words, remedy, the command that helps, an installer's log. */
function report(error: HicareError, flags: GlobalFlags, io: CliIo): number {
  if (flags.json === true) io.err(`${JSON.stringify(error.toBody())}\n`);
  else {
    io.err(`error ${error.code}: ${error.message}\n  ${error.remedy}\n`);
    const hint = commandHint(error);
    if (hint !== null) io.err(`  Command: ${hint}\n`);
    const log = error.details?.['log'];
    if (typeof log === 'string' && log !== '') {
      io.err(`\nInstaller log (last lines):\n${log.split('\n').slice(-15).join('\n')}\n`);
      io.err(
        '\nSee the known issues and open a remote-guidance request drafted from this failure:\n  hicare request create --from-failure last\n',
      );
    }
  }
  return exitCodeFor(error.code);
}
