/** The `hicare` CLI's help texts, in the language the CLI speaks; flag names and commands are the same in all. */
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { hasMessage, translate, type CatalogKey } from '../../shared/i18n/translator.js';
import { exitCodesHelp } from './exit-codes.js';

export function mainHelp(locale: DisplayLocale): string {
  return translate(locale, 'cli.help.main', { exitCodes: exitCodesHelp(locale) });
}

/** Each command's help text; a command whose text is written elsewhere (bundle, mirror) is looked up when asked. */
const COMMAND_HELP: Readonly<Record<string, string>> = {
  trust: 'cli.help.trust',
  login: 'cli.help.login',
  logout: 'cli.help.logout',
  systems: 'cli.help.systems',
  entitlement: 'cli.help.entitlement',
  check: 'cli.help.check',
  download: 'cli.help.download',
  verify: 'cli.help.verify',
  install: 'cli.help.install',
  upgrade: 'cli.help.upgrade',
  log: 'cli.help.log',
  'support-bundle': 'cli.help.supportBundle',
  request: 'cli.help.request',
  kb: 'cli.help.kb',
  bundle: 'cli.help.bundle',
  mirror: 'cli.help.mirror',
  config: 'cli.help.config',
  completion: 'cli.help.completion',
  help: 'cli.help.help',
};

/** A command's help, or the main help for a command that has none. */
export function commandHelp(locale: DisplayLocale, command: string): string {
  const key = COMMAND_HELP[command];
  if (key === undefined || !hasMessage(locale, key)) return mainHelp(locale);
  return translate(locale, key as CatalogKey, { maxMiB: ATTACHMENT_MAX_BYTES / (1024 * 1024) });
}

/**
 * One subcommand's help: the usage lines of its command's help that start with `hicare COMMAND SUB`, then the
 * explanation shared by all of them. A command help that never names the subcommand is printed whole.
 */
export function subcommandHelp(locale: DisplayLocale, command: string, sub: string): string {
  const text = commandHelp(locale, command);
  const [usage = '', ...explanation] = text.split('\n\n');
  const lines = usage.split('\n');
  // A usage line continued on the next line (indented) belongs to the line above it.
  let belongs = false;
  const own = lines.filter((line) => {
    if (!line.startsWith(' ')) belongs = line.startsWith(`hicare ${command} ${sub}`);
    return belongs;
  });
  if (own.length === 0) return text;
  return [own.join('\n'), ...explanation].join('\n\n');
}
