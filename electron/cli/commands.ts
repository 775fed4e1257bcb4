/**
 * The `hicare` commands. Each parses its flags strictly, runs one operation of the client core and prints either
 * words for a person or, with --json, one JSON document for a script.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HicareError } from '../../shared/errors.js';
import { readRootFile } from '../core/trust/root-file.js';
import { confirmOrStop } from './confirm.js';
import type { CliContext } from './context.js';
import { progressLine, renderCheck, renderContracts, renderSystems } from './render.js';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(
  args: readonly string[],
  options: O,
  positionals: { min?: number; max?: number } = {},
) {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, portal: { type: 'string' }, ...options },
      strict: true,
      allowPositionals: true,
    });
    if (parsed.positionals.length < (positionals.min ?? 0)) throw new UsageError('Missing argument.');
    if (parsed.positionals.length > (positionals.max ?? 0))
      throw new UsageError(`Unexpected argument: ${parsed.positionals[positionals.max ?? 0] ?? ''}`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
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
  const { values, positionals } = parse(args, { yes: { type: 'boolean' } }, { min: 1, max: 1 });
  const root = await readRootFile(positionals[0] ?? '', { now: new Date(), namedIn: 'command line' });
  const portalUrl = ctx.flags.portal ?? ctx.io.env['HICARE_PORTAL'];
  const facts = `  fingerprint (SHA-256): ${root.fingerprint}\n  root version ${root.version}, expires ${root.expires}`;
  if (values.yes !== true)
    ctx.io.err(`${root.file}\n${facts}\nCompare the fingerprint with the one your portal's operator gave you.\n`);
  await confirmOrStop(ctx, {
    question: 'Trust this root for the portal?',
    yes: values.yes,
    nothingDone: 'Nothing was trusted.',
    command: `hicare trust ${root.file}`,
  });
  ctx.settings.update({ trustRootPath: root.file, ...(portalUrl === undefined ? {} : { portalUrl }) });
  emit(
    ctx,
    { trustRootPath: root.file, fingerprint: root.fingerprint, version: root.version, expires: root.expires },
    `Trusting ${root.file}\n${facts}\nCompare the fingerprint with the one your portal's operator gave you.`,
  );
}

export async function loginCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
  if (values.email === undefined) throw new UsageError('Missing --email.');
  let password = ctx.io.env['HICARE_PASSWORD'];
  if (values['password-stdin'] === true) password = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  if (password === undefined && ctx.io.prompt !== undefined)
    password = await ctx.io.prompt(`Password for ${values.email}: `);
  if (password === undefined || password === '')
    throw new UsageError('No password: set $HICARE_PASSWORD or use --password-stdin.');
  const client = ctx.client();
  const session = await client.login(values.email, password);
  ctx.settings.update({ portalUrl: client.portal.portalUrl });
  emit(
    ctx,
    { account: session.account, expiresAt: session.expiresAt, portal: client.portal.portalUrl },
    `Signed in to ${client.portal.portalUrl} as ${session.account.name} <${session.account.email}> (${session.account.role}) until ${session.expiresAt}.`,
  );
}

export async function logoutCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  parse(args, {});
  await ctx.client().logout();
  emit(ctx, { ok: true }, 'Signed out.');
}

export async function entitlementCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  parse(args, {});
  const contracts = await ctx.client().contracts();
  emit(ctx, { contracts }, contracts.length === 0 ? 'You have no contracts.' : renderContracts(contracts));
}

export async function systemsCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { positionals, values } = parse(args, { 'not-in-catalog': { type: 'boolean' } }, { max: 3 });
  const client = ctx.client();
  if (positionals[0] === 'set-version') {
    const [, serial, version] = positionals;
    if (serial === undefined || version === undefined)
      throw new UsageError('Use: hicare systems set-version SERIAL VERSION [--not-in-catalog]');
    const system = await client.setVersion(serial, version, { notInCatalog: values['not-in-catalog'] === true });
    emit(
      ctx,
      { system },
      `${serial}: ${system.product} ${version} (entered${system.notInCatalog === true ? ', not in the catalog' : ''})`,
    );
    return;
  }
  if (values['not-in-catalog'] === true) throw new UsageError('--not-in-catalog goes with set-version.');
  if (positionals.length > 0) throw new UsageError(`Unknown systems command: ${positionals[0] ?? ''}`);
  const systems = await client.systems();
  emit(ctx, { systems }, renderSystems(systems));
}

export async function checkCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, { serial: { type: 'string' }, previews: { type: 'boolean' } });
  const resolutions = (await ctx.client(values.previews === true ? { previews: true } : {}).check()).filter(
    (r) => values.serial === undefined || r.system.serialNumber === values.serial,
  );
  if (values.serial !== undefined && resolutions.length === 0) {
    throw new HicareError(
      'NOT_FOUND',
      `No system ${values.serial} is on your contracts.`,
      'Run `hicare systems` to list them.',
    );
  }
  emit(ctx, { systems: resolutions }, renderCheck(resolutions));
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
  let lastDraw = 0;
  if (ctx.io.errIsTty && ctx.flags.json !== true) {
    client.downloads.on('progress', (p) => {
      const now = Date.now();
      if (now - lastDraw < 100 && p.receivedBytes < p.totalBytes) return;
      lastDraw = now;
      ctx.io.err(`\r${progressLine(p)}`);
    });
  }
  const results = await Promise.all(
    positionals.map((name) =>
      client.download(name, { out, ...(values.serial === undefined ? {} : { serialNumber: values.serial }) }),
    ),
  );
  if (ctx.io.errIsTty && ctx.flags.json !== true) ctx.io.err('\n');
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
      .map((r) => `${r.file}  ${r.length} bytes  sha256 ${r.sha256}  verified${r.fromCache ? ' (from cache)' : ''}`)
      .join('\n'),
  );
}

export async function verifyCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { positionals } = parse(args, {}, { min: 1, max: 1 });
  const target = await ctx.client().verify(resolve(positionals[0] ?? ''));
  emit(
    ctx,
    { target },
    `${positionals[0] ?? ''} is ${target.name}: ${target.custom.product} ${target.custom.version} for ${target.custom.platform}-${target.custom.arch}, signed.`,
  );
}

export async function installCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values, positionals } = parse(args, { serial: { type: 'string' } }, { min: 1, max: 1 });
  if (values.serial === undefined) throw new UsageError('Missing --serial.');
  const client = ctx.client();
  await client.systems();
  const result = await client.install(positionals[0] ?? '', values.serial, {
    onLog: (line) => {
      if (ctx.flags.json !== true) ctx.io.err(`${line.text}\n`);
    },
  });
  emit(
    ctx,
    { result },
    `Installed on ${values.serial}: ${result.fromVersion ?? '(none)'} → ${result.detectedVersion} in ${(result.durationMs / 1000).toFixed(1)} s.`,
  );
}

export async function logCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { values } = parse(args, { verify: { type: 'boolean' }, limit: { type: 'string' } });
  const client = ctx.client();
  if (values.verify === true) {
    const { count } = await client.operations.verifyOrThrow();
    emit(ctx, { ok: true, count }, `The operation log is intact: ${count} records, hash chain verified.`);
    return;
  }
  const records = await client.operations.recent(Number(values.limit ?? 20));
  emit(ctx, { records }, records.map((r) => `${r.seq}  ${r.at}  ${r.kind.padEnd(8)} ${r.summary}`).join('\n'));
}
