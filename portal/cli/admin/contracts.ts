/**
 * `hicare-portal contract list|show|add|update|renew|change-tier`: the back office's contract operations at the
 * portal's own command line. They call the same service as the API (../../admin/contracts.ts), audited as the
 * operator running the command; every contract shown says where its start came from.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  ContractCreateSchema,
  ContractListQuerySchema,
  ContractRenewSchema,
  ContractUpdateSchema,
  TierChangeSchema,
  type AdminContract,
  type ContractRow,
} from '../../../shared/contracts/admin/contracts.js';
import { startSentence } from '../../../shared/domain/contract-start.js';
import { tierShortName } from '../../../shared/domain/contract.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import { commandLineActor } from '../../admin/audit.js';
import {
  changeContractTier,
  createAdminContract,
  listAdminContracts,
  renewContract,
  showContract,
  updateAdminContract,
} from '../../admin/contracts.js';
import type { Database } from '../../db/schema.js';
import { checkInput } from '../../db/support.js';
import { parse } from '../commands.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, printListing, printRecord, readerLocale, type OutputFormat } from './output.js';
import { translator } from '../../../shared/i18n/translator.js';

const CONTRACT_FLAGS = {
  ...OUTPUT_FLAGS,
  id: { type: 'string' },
  customer: { type: 'string' },
  tier: { type: 'string' },
  start: { type: 'string' },
  shipped: { type: 'string' },
  pac: { type: 'string' },
  'installation-services': { type: 'boolean' },
  renews: { type: 'string' },
  end: { type: 'string' },
  on: { type: 'string' },
  region: { type: 'string' },
  'time-zone': { type: 'string' },
  licensed: { type: 'string', multiple: true },
  q: { type: 'string' },
  status: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
} as const;

type Values = ReturnType<typeof parse<typeof CONTRACT_FLAGS>>['values'];

function licensedMajors(pairs: readonly string[] | undefined, t: Translate): Record<string, number> | undefined {
  if (pairs === undefined) return undefined;
  const majors: Record<string, number> = {};
  for (const pair of pairs) {
    const m = /^([a-z0-9][a-z0-9-]*)=(\d{1,6})$/.exec(pair);
    if (m === null) throw new UsageError(t('admin.contracts.cli.licensed', { given: pair }));
    majors[m[1]!] = Number(m[2]);
  }
  return majors;
}

function wholeNumber(values: Values, flag: 'offset' | 'limit', t: Translate): number | undefined {
  const given = values[flag];
  if (given === undefined) return undefined;
  if (!/^\d{1,8}$/.test(given)) throw new UsageError(t('admin.contracts.cli.number', { flag, given }));
  return Number(given);
}

function requireFlags(values: Values, t: Translate, ...names: (keyof Values)[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === '');
  if (missing.length > 0)
    throw new UsageError(t('admin.contracts.cli.missing', { flags: missing.map((n) => `--${n}`).join(', ') }));
}

/** Only the flags given, so a schema's optional fields stay absent rather than undefined. */
function given<T extends Record<string, unknown>>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** Checks the input with the API's own schema (coded refusal, exit 1) and returns what it parsed to. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  checkInput(schema, value, 'contract');
  return schema.parse(value) as z.output<S>;
}

function startLine(c: Pick<AdminContract, 'startDate' | 'timeZone' | 'startBasis'>, t: Translate): string {
  const { key, params } = startSentence(c);
  return t(key, params);
}

function printContract(
  io: CliEnvironment,
  format: OutputFormat,
  c: AdminContract,
  t: Translate,
  locale: DisplayLocale,
) {
  const f = (k: Parameters<Translate>[0]) => t(k);
  printRecord(io, format, c, [
    [f('admin.contracts.field.id'), c.id],
    [f('admin.contracts.field.customer'), `${c.customerName} (${c.customerId})`],
    [f('admin.contracts.field.tier'), tierShortName(c.tier, locale)],
    [f('admin.contracts.field.status'), t(`app.overview.contract.status.${c.status}`)],
    [f('admin.contracts.field.period'), `${c.startDate} – ${c.endDate}`],
    [f('admin.contracts.field.basis'), startLine(c, t)],
    [f('admin.contracts.field.daysLeft'), String(c.daysLeft)],
    [f('admin.contracts.field.region'), c.region],
    [f('admin.contracts.field.timeZone'), c.timeZone],
    [
      f('admin.contracts.field.licensed'),
      Object.entries(c.licensedMajors)
        .map(([p, m]) => `${p}=${m}`)
        .join(', '),
    ],
    [
      f('admin.contracts.field.systems'),
      c.systems.map((s) => `${s.serialNumber} (${s.product}, ${s.location})`).join('; '),
    ],
    [f('admin.contracts.cli.chain'), c.chain.map((l) => `${l.id} ${l.startDate}–${l.endDate}`).join(' → ')],
  ]);
}

export async function contractCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(args, CONTRACT_FLAGS, 2);
  const locale = readerLocale(values.lang, io.env);
  const t = translator(locale);
  const format = outputFormat(values, t);
  const [verb, target] = positionals;
  const actor = commandLineActor();
  const run = <T>(work: (s: { db: Kysely<Database> }) => Promise<T>): Promise<T> => withStorage(values, io, work);
  const needsNoTarget = () => {
    if (target !== undefined) throw new UsageError(t('admin.contracts.cli.use'));
  };

  switch (verb) {
    case 'list': {
      needsNoTarget();
      const query = checked(
        ContractListQuerySchema,
        given({
          q: values.q,
          customerId: values.customer,
          status: values.status,
          region: values.region,
          offset: wholeNumber(values, 'offset', t),
          limit: wholeNumber(values, 'limit', t),
        }),
      );
      const page = await run(({ db }) => listAdminContracts(db, query, io.now()));
      const first = page.total === 0 ? 0 : page.offset + 1;
      printListing<ContractRow>(io, format, page, {
        columns: [
          { header: t('admin.contracts.field.id'), value: (r) => r.id },
          { header: t('admin.contracts.field.customer'), value: (r) => r.customerId },
          { header: t('admin.contracts.field.tier'), value: (r) => tierShortName(r.tier, locale) },
          { header: t('admin.contracts.field.status'), value: (r) => t(`app.overview.contract.status.${r.status}`) },
          { header: t('admin.contracts.field.startDate'), value: (r) => r.startDate },
          { header: t('admin.contracts.field.endDate'), value: (r) => r.endDate },
          { header: t('admin.contracts.field.daysLeft'), value: (r) => r.daysLeft },
          { header: t('admin.contracts.field.region'), value: (r) => r.region },
          { header: t('admin.contracts.field.basis'), value: (r) => startLine(r, t) },
        ],
        rows: page.items,
        footer: t('admin.cli.pageFooter', { first, last: page.offset + page.items.length, total: page.total }),
      });
      return;
    }
    case 'show': {
      if (target === undefined) throw new UsageError(t('admin.contracts.cli.showId'));
      const contract = await run(({ db }) => showContract(db, target, io.now()));
      printContract(io, format, contract, t, locale);
      return;
    }
    case 'add': {
      needsNoTarget();
      requireFlags(values, t, 'id', 'customer', 'end');
      const renewal = values.renews !== undefined;
      const input = checked(
        ContractCreateSchema,
        given({
          id: values.id,
          customerId: values.customer,
          tier: values.tier,
          // A contract made from scratch at the command line has always defaulted to these.
          region: values.region ?? (renewal ? undefined : 'EMEA'),
          timeZone: values['time-zone'] ?? (renewal ? undefined : 'UTC'),
          endDate: values.end,
          start: values.start,
          shippedOn: values.shipped,
          installationServices: values['installation-services'],
          pacOn: values.pac,
          renews: values.renews,
          licensedMajors: licensedMajors(values.licensed, t),
        }),
      );
      const contract = await run(({ db }) => createAdminContract(db, actor, input, io.now()));
      if (format !== 'text') printContract(io, format, contract, t, locale);
      else {
        const { id, tier, customerId, startDate: start, endDate: end } = contract;
        io.print(t('admin.contracts.cli.added', { id, tier, customerId, start, end }));
        io.print(startLine(contract, t));
      }
      return;
    }
    case 'update': {
      const id = target ?? values.id;
      if (id === undefined) throw new UsageError(t('admin.contracts.cli.showId'));
      const change = checked(
        ContractUpdateSchema,
        given({
          endDate: values.end,
          region: values.region,
          timeZone: values['time-zone'],
          licensedMajors: licensedMajors(values.licensed, t),
        }),
      );
      if (Object.keys(change).length === 0) throw new UsageError(t('admin.contracts.cli.nothingToChange'));
      const contract = await run(({ db }) => updateAdminContract(db, actor, id, change, io.now()));
      if (format === 'text') io.print(t('admin.contracts.cli.updated', { id }));
      printContract(io, format, contract, t, locale);
      return;
    }
    case 'renew': {
      if (target === undefined) throw new UsageError(t('admin.contracts.cli.showId'));
      requireFlags(values, t, 'id', 'end');
      const input = checked(
        ContractRenewSchema,
        given({
          id: values.id,
          endDate: values.end,
          tier: values.tier,
          region: values.region,
          timeZone: values['time-zone'],
          licensedMajors: licensedMajors(values.licensed, t),
        }),
      );
      const contract = await run(({ db }) => renewContract(db, actor, target, input, io.now()));
      printContract(io, format, contract, t, locale);
      return;
    }
    case 'change-tier': {
      if (target === undefined) throw new UsageError(t('admin.contracts.cli.showId'));
      requireFlags(values, t, 'tier', 'on');
      const change = checked(TierChangeSchema, given({ tier: values.tier, on: values.on, id: values.id }));
      const contract = await run(({ db }) => changeContractTier(db, actor, target, change, io.now()));
      if (format === 'text') {
        const previous = contract.chain[contract.chain.length - 2];
        io.print(
          t('admin.contracts.cli.changedTier', {
            previous: previous?.id ?? target,
            end: previous?.endDate ?? '',
            id: contract.id,
            start: contract.startDate,
          }),
        );
      }
      printContract(io, format, contract, t, locale);
      return;
    }
    default:
      throw new UsageError(t('admin.contracts.cli.use'));
  }
}
