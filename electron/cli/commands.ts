/**
 * The `hicare` commands. Each parses its flags strictly, runs one operation of the client core and prints either
 * words for a person or, with --json, one JSON document for a script.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HicareError } from '../../shared/errors.js';
import type { MessageParams } from '../../shared/i18n/messages.js';
import { translate, type CatalogKey } from '../../shared/i18n/translator.js';
import { installFromBundle } from '../core/bundle/install-from-bundle.js';
import { readStatement } from '../core/bundle/offline-statement.js';
import { openBundleSource } from '../core/bundle/offline-source.js';
import type { InstallResult } from '../core/install/index.js';
import { SHIPPED_ROOT } from '../core/shipped-root.js';
import { readRootFile } from '../core/trust/root-file.js';
import { verdictJson } from './bundle-verify-command.js';
import { confirmOrStop } from './confirm.js';
import { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { progressBars } from './progress-bars.js';
import { localizedResolutions, renderCheck, renderContracts, renderSystems } from './render.js';

/** Wrong usage, said with a catalog key so it is printed in the CLI's language (the message is the English). */
export class UsageError extends Error {
  constructor(
    readonly key: CatalogKey,
    readonly params: MessageParams = {},
  ) {
    super(translate('en', key, params));
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's refusal in the CLI's words: the option it names, never its English sentence. */
function parseArgsProblem(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : '';
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('cli.usage.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /argument missing/.test(message)
      ? new UsageError('cli.usage.optionNeedsValue', { option })
      : new UsageError('cli.usage.optionTakesNoValue', { option });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return new UsageError('cli.usage.unexpectedArgument', { argument: /'([^']*)'/.exec(message)?.[1] ?? '' });
  return new UsageError('cli.usage.badOptions');
}

export function parse<O extends Options>(
  args: readonly string[],
  options: O,
  positionals: { min?: number; max?: number } = {},
) {
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...args],
        options: { json: { type: 'boolean' }, portal: { type: 'string' }, ...options },
        strict: true,
        allowPositionals: true,
      });
    } catch (error) {
      throw parseArgsProblem(error);
    }
  })();
  if (parsed.positionals.length < (positionals.min ?? 0)) throw new UsageError('cli.usage.missingArgument');
  if (parsed.positionals.length > (positionals.max ?? 0))
    throw new UsageError('cli.usage.unexpectedArgument', {
      argument: parsed.positionals[positionals.max ?? 0] ?? '',
    });
  return parsed;
}

function emit(ctx: CliContext, value: unknown, text: string): void {
  if (ctx.flags.json === true) ctx.io.out(JSON.stringify(value, null, 2));
  else ctx.io.out(text);
}

/**
 * Trusting a root decides which keys may sign everything this desktop installs: the root is checked completely,
 * its fingerprint shown, and the user asked (or --yes given) before the setting changes.
 */
export async function trustCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { t } = ctx;
  const { values, positionals } = parse(args, { yes: { type: 'boolean' } }, { min: 1, max: 1 });
  const root = await readRootFile(positionals[0] ?? '', { now: new Date(), namedIn: 'command line' });
  const portalUrl = ctx.flags.portal ?? ctx.io.env['HICARE_PORTAL'];
  const facts = [
    t('cli.trust.fingerprint', { fingerprint: root.fingerprint }),
    t('cli.trust.version', { version: root.version, expiresAt: root.expires }),
  ].join('\n');
  if (values.yes !== true) ctx.io.err(`${root.file}\n${facts}\n${t('cli.trust.compare')}\n`);
  await confirmOrStop(ctx, {
    question: t('cli.trust.question'),
    yes: values.yes,
    undone: 'trust',
    command: `hicare trust ${root.file}`,
  });
  ctx.settings.update({ trustRootPath: root.file, ...(portalUrl === undefined ? {} : { portalUrl }) });
  emit(
    ctx,
    { trustRootPath: root.file, fingerprint: root.fingerprint, version: root.version, expires: root.expires },
    `${t('cli.trust.trusting', { file: root.file })}\n${facts}\n${t('cli.trust.compare')}`,
  );
}

export async function loginCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { t } = ctx;
  const { values } = parse(args, { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
  if (values.email === undefined) throw new UsageError('cli.usage.missingEmail');
  let password = ctx.io.env['HICARE_PASSWORD'];
  if (values['password-stdin'] === true) password = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  if (password === undefined && ctx.io.prompt !== undefined)
    password = await ctx.io.prompt(t('cli.login.password', { email: values.email }));
  if (password === undefined || password === '') throw new UsageError('cli.usage.noPassword');
  const client = ctx.client();
  const session = await client.login(values.email, password);
  ctx.settings.update({ portalUrl: client.portal.portalUrl });
  emit(
    ctx,
    { account: session.account, expiresAt: session.expiresAt, portal: client.portal.portalUrl },
    t('cli.login.signedIn', {
      portal: client.portal.portalUrl,
      name: session.account.name,
      email: session.account.email,
      // ICU select keys cannot hold a hyphen.
      role: session.account.role.replaceAll('-', '_'),
      expiresAt: session.expiresAt,
    }),
  );
}

export async function logoutCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  parse(args, {});
  await ctx.client().logout();
  emit(ctx, { ok: true }, ctx.t('cli.login.signedOut'));
}

export async function entitlementCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  parse(args, {});
  const contracts = await ctx.client().contracts();
  emit(
    ctx,
    { contracts },
    contracts.length === 0 ? ctx.t('cli.contracts.none') : renderContracts(contracts, ctx.locale),
  );
}

export async function systemsCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { positionals, values } = parse(args, { 'not-in-catalog': { type: 'boolean' } }, { max: 3 });
  const client = ctx.client();
  if (positionals[0] === 'set-version') {
    const [, serial, version] = positionals;
    if (serial === undefined || version === undefined) throw new UsageError('cli.usage.setVersion');
    const system = await client.setVersion(serial, version, { notInCatalog: values['not-in-catalog'] === true });
    emit(
      ctx,
      { system },
      ctx.t(system.notInCatalog === true ? 'cli.systems.enteredNotInCatalog' : 'cli.systems.entered', {
        serial,
        product: system.product,
        version,
      }),
    );
    return;
  }
  if (values['not-in-catalog'] === true) throw new UsageError('cli.usage.notInCatalogAlone');
  if (positionals.length > 0)
    throw new UsageError('cli.usage.unknownSystemsCommand', { command: positionals[0] ?? '' });
  const systems = await client.systems();
  emit(ctx, { systems }, renderSystems(systems, ctx.locale));
}

/** Exits 100 when a system has a release it may take (as `dnf check-update`), so a script can act on it. */
export async function checkCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const { values } = parse(args, { serial: { type: 'string' }, previews: { type: 'boolean' } });
  const resolutions = (await ctx.client(values.previews === true ? { previews: true } : {}).check()).filter(
    (r) => values.serial === undefined || r.system.serialNumber === values.serial,
  );
  if (values.serial !== undefined && resolutions.length === 0) {
    throw new HicareError('NOT_FOUND.cliSystem', { serial: values.serial });
  }
  emit(ctx, { systems: localizedResolutions(resolutions, ctx.locale) }, renderCheck(resolutions, ctx.locale));
  const takeable = resolutions.some((r) => [...r.updates, ...r.upgrades].some((c) => c.verdict.allowed));
  return takeable ? EXIT.updatesAvailable : EXIT.ok;
}

export async function downloadCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    { serial: { type: 'string' }, out: { type: 'string' }, previews: { type: 'boolean' } },
    { min: 1, max: 1000 },
  );
  const client = ctx.client(values.previews === true ? { previews: true } : {});
  await client.trust.refresh();
  const out = resolve(values.out ?? ctx.settings.get().downloadDirectory ?? `${ctx.dataDirectory}/downloads`);
  // One bar per file, since the files download side by side.
  const bars = progressBars(ctx);
  client.downloads.on('progress', (p) => bars.update(p.name, p.receivedBytes, p.totalBytes));
  const results = await Promise.all(
    positionals.map((name) =>
      client.download(name, { out, ...(values.serial === undefined ? {} : { serialNumber: values.serial }) }),
    ),
  ).finally(() => bars.stop());
  emit(
    ctx,
    {
      downloads: results.map((r) => ({
        target: r.target.name,
        file: r.file,
        sha256: r.sha256,
        length: r.length,
        fromCache: r.fromCache,
      })),
    },
    results
      .map((r) =>
        ctx.t(r.fromCache ? 'cli.download.verifiedFromCache' : 'cli.download.verified', {
          file: r.file,
          length: r.length,
          sha256: r.sha256,
        }),
      )
      .join('\n'),
  );
}

export async function verifyCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { positionals } = parse(args, {}, { min: 1, max: 1 });
  const target = await ctx.client().verify(resolve(positionals[0] ?? ''));
  emit(
    ctx,
    { target },
    ctx.t('cli.verify.signed', {
      file: positionals[0] ?? '',
      target: target.name,
      product: target.custom.product,
      version: target.custom.version,
      platform: `${target.custom.platform}-${target.custom.arch}`,
    }),
  );
}

export async function installCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      serial: { type: 'string' },
      bundle: { type: 'string' },
      mirror: { type: 'string' },
      target: { type: 'string' },
      contract: { type: 'string' },
    },
    { max: 1 },
  );
  if (values.serial === undefined) throw new UsageError('cli.usage.missingSerial');
  const offline = values.bundle ?? values.mirror;
  // One source of the release: a target of the portal's catalog, or a bundle file, or a site mirror.
  if (values.bundle !== undefined && values.mirror !== undefined)
    throw new UsageError('cli.usage.unexpectedArgument', { argument: '--mirror' });
  if (offline !== undefined && positionals[0] !== undefined)
    throw new UsageError('cli.usage.unexpectedArgument', { argument: positionals[0] });
  if (offline === undefined && positionals[0] === undefined) throw new UsageError('cli.usage.missingArgument');
  if (offline === undefined && (values.target !== undefined || values.contract !== undefined))
    throw new UsageError('cli.usage.unknownOption', {
      option: values.target === undefined ? '--contract' : '--target',
    });
  const onLog = (line: { text: string }) => {
    if (ctx.flags.json !== true) ctx.io.err(`${line.text}\n`);
  };
  const installed = (result: InstallResult) =>
    ctx.t('cli.install.installed', {
      serial: values.serial ?? '',
      from: result.fromVersion ?? ctx.t('cli.install.noneBefore'),
      to: result.detectedVersion,
      seconds: (result.durationMs / 1000).toFixed(1),
    });
  if (offline !== undefined) {
    const { verdict, results } = await installOffline(ctx, {
      serial: values.serial,
      ...(values.bundle === undefined ? { mirror: offline } : { file: resolve(values.bundle) }),
      target: values.target,
      contract: values.contract,
      onLog,
    });
    emit(
      ctx,
      { verdict: verdictJson(verdict), results },
      [
        ctx.t('bundle.offline.verifiedAsOf', { issuedDate: verdict.issuedAt.slice(0, 10) }),
        ...results.map((r) => installed(r.result)),
      ].join('\n'),
    );
    return;
  }
  const client = ctx.client();
  await client.systems();
  const result = await client.install(positionals[0] ?? '', values.serial, { onLog });
  emit(ctx, { result }, installed(result));
}

/**
 * An install from a bundle or a site mirror: no sign-in, no portal. The client is made for the portal the bundle's
 * statement names (its trust folder is that portal's); the statement is proved before anything is believed.
 */
async function installOffline(
  ctx: CliContext,
  options: {
    serial: string;
    file?: string;
    mirror?: string;
    target?: string | undefined;
    contract?: string | undefined;
    onLog: (line: { text: string }) => void;
  },
) {
  const contents = await openBundleSource(options);
  try {
    const { statement } = readStatement(contents.statement);
    const offlineCtx = new CliContext(ctx.io, { ...ctx.flags, portal: statement.portal }, ctx.locale);
    const client = offlineCtx.client();
    return await installFromBundle(
      client,
      contents,
      { dataDirectory: ctx.dataDirectory, rootFile: ctx.settings.get().trustRootPath ?? SHIPPED_ROOT },
      {
        serial: options.serial,
        target: options.target,
        contract: options.contract,
        onLog: options.onLog,
        onStep: ({ release, step, count }) => {
          if (ctx.flags.json !== true)
            ctx.io.err(
              `${ctx.t('bundle.offline.installing', {
                product: release.custom.product,
                version: release.custom.version,
                serial: options.serial,
                step,
                count,
              })}\n`,
            );
        },
      },
    );
  } finally {
    await contents.close();
  }
}

export async function logCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, { verify: { type: 'boolean' }, limit: { type: 'string' } });
  const client = ctx.client();
  if (values.verify === true) {
    const { count } = await client.operations.verifyOrThrow();
    emit(ctx, { ok: true, count }, ctx.t('cli.log.intact', { count }));
    return;
  }
  const records = await client.operations.recent(Number(values.limit ?? 20));
  emit(ctx, { records }, records.map((r) => `${r.seq}  ${r.at}  ${r.kind.padEnd(8)} ${r.summary}`).join('\n'));
}
