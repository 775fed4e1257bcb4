/** The `hicare` CLI's help texts, in the language the CLI speaks; flag names and commands are the same in all. */
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translate, type CatalogKey } from '../../shared/i18n/translator.js';
import { exitCodesHelp } from './exit-codes.js';

export function mainHelp(locale: DisplayLocale): string {
  return translate(locale, 'cli.help.main', { exitCodes: exitCodesHelp(locale) });
}

const COMMAND_HELP: Readonly<Record<string, CatalogKey>> = {
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
};

/** A command's help, or the main help for a command that has none. */
export function commandHelp(locale: DisplayLocale, command: string): string {
  const key = COMMAND_HELP[command];
  if (key === undefined) return mainHelp(locale);
  return translate(locale, key, { maxMiB: ATTACHMENT_MAX_BYTES / (1024 * 1024) });
}
