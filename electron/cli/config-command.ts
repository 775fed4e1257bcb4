/**
 * `hicare config get|set|unset|list`: the settings the command line shares with the app (portal, proxy, CA bundle,
 * download folder). A value is checked before it is saved, so a typo is refused here rather than breaking the next
 * download; `list` says where each value in force comes from, since a flag or the environment wins over a setting.
 */
import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HicareError } from '../../shared/errors.js';
import type { Settings } from '../../shared/contracts/app-api.js';
import { CONFIG_KEYS, type ConfigKey } from './command-table.js';
import { parse, UsageError } from './commands.js';
import type { CliContext, GlobalFlags } from './context.js';
import { table } from './render.js';

/** Where a value in force comes from, in the order they win. */
export type ConfigSource = 'flag' | 'env' | 'setting' | 'default';

export interface ConfigEntry {
  key: ConfigKey;
  value: string | null;
  source: ConfigSource;
  /** The flag or environment variable that gave it. */
  from?: string;
}

const SETTING: Record<ConfigKey, 'portalUrl' | 'proxyUrl' | 'caBundlePath' | 'downloadDirectory'> = {
  portal: 'portalUrl',
  proxy: 'proxyUrl',
  'ca-bundle': 'caBundlePath',
  'download-folder': 'downloadDirectory',
};

type Env = Readonly<Record<string, string | undefined>>;

const present = (v: string | null | undefined): v is string => v !== undefined && v !== null && v !== '';

/**
 * The value in force for each key, as the commands use it: the portal from --portal, HICARE_PORTAL, the setting; the
 * proxy from the setting, else HTTPS_PROXY / HTTP_PROXY; the CA bundle from --ca-bundle, the setting, else Node's
 * NODE_EXTRA_CA_CERTS; the download folder from the setting, else one in the data directory.
 */
export function configEntries(flags: GlobalFlags, env: Env, settings: Settings, dataDirectory: string): ConfigEntry[] {
  const portal: ConfigEntry = present(flags.portal)
    ? { key: 'portal', value: flags.portal, source: 'flag', from: '--portal' }
    : present(env['HICARE_PORTAL'])
      ? { key: 'portal', value: env['HICARE_PORTAL'], source: 'env', from: 'HICARE_PORTAL' }
      : { key: 'portal', value: settings.portalUrl, source: present(settings.portalUrl) ? 'setting' : 'default' };
  const proxyVariable = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find((v) => present(env[v]));
  const proxy: ConfigEntry = present(settings.proxyUrl)
    ? { key: 'proxy', value: settings.proxyUrl, source: 'setting' }
    : proxyVariable !== undefined
      ? { key: 'proxy', value: env[proxyVariable] ?? null, source: 'env', from: proxyVariable }
      : { key: 'proxy', value: null, source: 'default' };
  const caBundle: ConfigEntry = present(flags.caBundle)
    ? { key: 'ca-bundle', value: flags.caBundle, source: 'flag', from: '--ca-bundle' }
    : present(settings.caBundlePath)
      ? { key: 'ca-bundle', value: settings.caBundlePath, source: 'setting' }
      : present(env['NODE_EXTRA_CA_CERTS'])
        ? { key: 'ca-bundle', value: env['NODE_EXTRA_CA_CERTS'], source: 'env', from: 'NODE_EXTRA_CA_CERTS' }
        : { key: 'ca-bundle', value: null, source: 'default' };
  const folder: ConfigEntry = present(settings.downloadDirectory)
    ? { key: 'download-folder', value: settings.downloadDirectory, source: 'setting' }
    : { key: 'download-folder', value: join(dataDirectory, 'downloads'), source: 'default' };
  return [portal, proxy, caBundle, folder];
}

function webAddress(key: ConfigKey, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HicareError('INVALID_INPUT.cliConfigUrl', { key, value });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HicareError('INVALID_INPUT.cliConfigUrl', { key, value });
  return value;
}

/** A CA bundle must be a readable file holding at least one PEM certificate. */
function pemBundle(value: string): string {
  const path = resolve(value);
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new HicareError('NOT_FOUND.cliConfigFile', { path });
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof HicareError) throw error;
    throw new HicareError('NOT_FOUND.cliConfigFile', { path });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new HicareError('INVALID_INPUT.cliConfigNotPem', { path });
  return path;
}

/** A download folder is created now if missing, so a later download does not fail on it. */
function writableFolder(value: string): string {
  const path = resolve(value);
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw new Error('not a folder');
    accessSync(path, constants.W_OK);
  } catch {
    throw new HicareError('INVALID_INPUT.cliConfigFolder', { path });
  }
  return path;
}

export function checkedValue(key: ConfigKey, value: string): string {
  switch (key) {
    case 'portal':
    case 'proxy':
      return webAddress(key, value);
    case 'ca-bundle':
      return pemBundle(value);
    case 'download-folder':
      return writableFolder(value);
  }
}

function keyOf(given: string | undefined): ConfigKey {
  if (given === undefined) throw new UsageError('cli.usage.configNeedsKey', { choices: CONFIG_KEYS.join(', ') });
  if (!(CONFIG_KEYS as readonly string[]).includes(given))
    throw new UsageError('cli.usage.configKey', { key: given, choices: CONFIG_KEYS.join(', ') });
  return given as ConfigKey;
}

function emit(ctx: CliContext, value: unknown, text: string): void {
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify(value, null, 2));
  else if (text !== '') ctx.io.out(text);
}

export async function configCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { t } = ctx;
  const entries = (): ConfigEntry[] => configEntries(ctx.flags, ctx.io.env, ctx.settings.get(), ctx.dataDirectory);
  switch (sub) {
    case 'list': {
      parse(rest, {});
      const list = entries();
      emit(
        ctx,
        { settings: list },
        table([
          [t('cli.config.head.key'), t('cli.config.head.value'), t('cli.config.head.source')],
          ...list.map((e) => [
            e.key,
            e.value ?? t('cli.config.notSet'),
            t('cli.config.source', { source: e.source, from: e.from ?? '' }),
          ]),
        ]),
      );
      return;
    }
    case 'get': {
      const { positionals } = parse(rest, {}, { max: 1 });
      const key = keyOf(positionals[0]);
      const entry = entries().find((e) => e.key === key);
      // The bare value, so `$(hicare config get portal)` works in a script; nothing at all when none is in force.
      emit(ctx, entry, entry?.value ?? '');
      return;
    }
    case 'set': {
      const { positionals } = parse(rest, {}, { max: 2 });
      const key = keyOf(positionals[0]);
      const given = positionals[1];
      if (given === undefined || given === '') throw new UsageError('cli.usage.configNeedsValue', { key });
      const value = checkedValue(key, given);
      ctx.settings.update({ [SETTING[key]]: value });
      emit(ctx, { key, value }, t('cli.config.saved', { key, value }));
      return;
    }
    case 'unset': {
      const { positionals } = parse(rest, {}, { max: 1 });
      const key = keyOf(positionals[0]);
      ctx.settings.update({ [SETTING[key]]: null });
      emit(ctx, { key, value: null }, t('cli.config.removed', { key }));
      return;
    }
    default:
      throw sub === undefined
        ? new UsageError('cli.usage.configSubcommand')
        : new UsageError('cli.usage.unknownSubcommand', { command: 'config', sub });
  }
}
