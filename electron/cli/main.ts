/**
 * `hicare`: takes the global flags (--portal, --json, --lang, --ca-bundle, -q, -v) wherever they stand, dispatches to
 * a command, prints coded errors with their remedy (as JSON on stderr with --json) and returns the documented exit
 * code. A command may return an exit code of its own (`check` says 100 when there is something to take).
 *
 * The commands keep node:util's parseArgs rather than a framework: each already parses strictly with coded usage
 * errors in both languages, and the tree that help and completion need is the declared table in command-table.ts.
 */
import { isHicareError, type HicareError } from '../../shared/errors.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translator } from '../../shared/i18n/translator.js';
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
import { bundleCommand } from './bundle-commands.js';
import { kbCommand } from './kb-commands.js';
import { mirrorCommand } from './mirror-command.js';
import { requestCommand } from './request-commands.js';
import { supportBundleCommand } from './support-command.js';
import { upgradeCommand } from './upgrade-command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { commandHelp, mainHelp, subcommandHelp } from './help.js';
import { cliLocale, environmentLocale, LANGUAGE_CHOICES } from './language.js';
import { findCommand } from './command-table.js';
import { completionCommand } from './completion-command.js';
import { configCommand } from './config-command.js';
import { cliVersion } from './version.js';

type Command = (ctx: CliContext, args: readonly string[]) => Promise<void | number>;

const COMMANDS: Record<string, Command> = {
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
  kb: kbCommand,
  'support-bundle': supportBundleCommand,
  bundle: bundleCommand,
  mirror: mirrorCommand,
  config: configCommand,
  completion: completionCommand,
};

interface Globals extends GlobalFlags {
  version?: boolean;
}

function splitGlobals(argv: readonly string[]): { flags: Globals; rest: string[] } {
  const flags: Globals = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // After `--` every word is an argument, and `kb search --version V` is the article's version, not ours.
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--json') flags.json = true;
    else if (arg === '-q' || arg === '--quiet') flags.quiet = true;
    else if (arg === '-v' || arg === '--verbose') flags.verbose = true;
    else if (arg === '-V' || (arg === '--version' && rest.length === 0)) flags.version = true;
    else if (arg === '--ca-bundle') flags.caBundle = argv[++i];
    else if (arg.startsWith('--ca-bundle=')) flags.caBundle = arg.slice('--ca-bundle='.length);
    else if (arg === '--portal') flags.portal = argv[++i];
    else if (arg.startsWith('--portal=')) flags.portal = arg.slice('--portal='.length);
    else if (arg === '--lang') flags.lang = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) flags.lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { flags, rest };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, rest } = splitGlobals(argv);
  const language = cliLocale(flags.lang, io.env);
  // A --lang the CLI does not speak is said in the language it would speak otherwise.
  const locale = language.ok ? language.locale : environmentLocale(io.env);
  const t = translator(locale);
  if (!language.ok) {
    const problem =
      language.given === ''
        ? t('cli.usage.missingLanguage', { choices: LANGUAGE_CHOICES })
        : t('cli.usage.unknownLanguage', { given: language.given, choices: LANGUAGE_CHOICES });
    io.err(`${problem}\n\n${mainHelp(locale)}\n`);
    return EXIT.usage;
  }
  if (flags.version === true) {
    io.out(`hicare ${cliVersion()}`);
    return EXIT.ok;
  }
  const [command, ...args] = rest;
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(mainHelp(locale));
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === 'help') return help(args, io, locale);
  const run = COMMANDS[command];
  if (run === undefined) {
    io.err(`${t('cli.usage.unknownCommand', { command })}\n\n${mainHelp(locale)}\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp(locale, command));
    return EXIT.ok;
  }
  try {
    const code = await run(new CliContext(io, flags, locale), args);
    return typeof code === 'number' ? code : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${t(error.key, error.params)}\n\n${commandHelp(locale, command)}\n`);
      return EXIT.usage;
    }
    if (isHicareError(error)) return report(error, flags, io, locale);
    // A file-system error nobody turned into words still gets them; anything else is ours, and its text (a stack,
    // a library's message) is for the vendor, shown only with HICARE_DEBUG=1.
    const coded = fileError(error, { file: 'commandLineFile', path: (error as { path?: string }).path ?? '(unknown)' });
    if (isHicareError(coded)) return report(coded, flags, io, locale);
    io.err(`${t('cli.report.internal')}\n  ${t('cli.report.internalRemedy')}\n`);
    if (io.env['HICARE_DEBUG'] === '1' || flags.verbose === true)
      io.err(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
}

/** `hicare help [COMMAND [SUB]]`: the main help, a command's, or one subcommand's usage lines with the explanation. */
function help(args: readonly string[], io: CliIo, locale: DisplayLocale): number {
  const [command, sub, extra] = args;
  const t = translator(locale);
  if (command === undefined) {
    io.out(mainHelp(locale));
    return EXIT.ok;
  }
  const spec = findCommand(command);
  if (spec === undefined) {
    io.err(`${t('cli.usage.unknownCommand', { command })}\n\n${mainHelp(locale)}\n`);
    return EXIT.usage;
  }
  if (sub === undefined) {
    io.out(commandHelp(locale, command));
    return EXIT.ok;
  }
  if (extra !== undefined || spec.subcommands?.some((s) => s.name === sub) !== true) {
    io.err(`${t('cli.usage.unknownSubcommand', { command, sub: extra ?? sub })}\n\n${commandHelp(locale, command)}\n`);
    return EXIT.usage;
  }
  io.out(subcommandHelp(locale, command, sub));
  return EXIT.ok;
}

/** A coded error as the user reads it: code, words, remedy, the command that helps, an installer's log. */
function report(error: HicareError, flags: GlobalFlags, io: CliIo, locale: DisplayLocale): number {
  const body = error.toBody(locale);
  if (flags.json === true) io.err(`${JSON.stringify(body)}\n`);
  else {
    const t = translator(locale);
    io.err(`${t('cli.report.error', { code: body.code, message: body.message })}\n  ${body.remedy}\n`);
    const hint = flags.quiet === true ? null : commandHint(error, locale);
    if (hint !== null) io.err(`  ${t('cli.report.command', { command: hint })}\n`);
    const log = error.details?.['log'];
    if (typeof log === 'string' && log !== '') {
      io.err(`\n${t('cli.report.installerLog')}\n${log.split('\n').slice(-15).join('\n')}\n`);
      io.err(`\n${t('cli.report.fromFailure')}\n  hicare request create --from-failure last\n`);
    }
  }
  return exitCodeFor(error.code);
}
