/**
 * `hicare-portal customer|account|system …`: the back office's customers, accounts and covered systems from the
 * portal's own machine. Each verb calls the same service function as the console's route, with the operator as the
 * actor, so the audit trail reads the same whichever way a change was made.
 */
import type { z } from 'zod';
import {
  AccountChangeSchema,
  AccountQuerySchema,
  CustomerChangeSchema,
  NewAccountSchema,
  NewCustomerSchema,
  NewSystemSchema,
  SystemMoveSchema,
  SystemQuerySchema,
  SystemRetireSchema,
  type AdminAccount,
  type AdminSystem,
  type CustomerSummary,
  type SystemRecord,
} from '../../../shared/contracts/admin/customers.js';
import { ListQuerySchema, type Page } from '../../../shared/contracts/admin/paging.js';
import { IdSchema, SerialNumberSchema } from '../../../shared/contracts/common.js';
import { roleParam } from '../../../shared/domain/account-rules.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import type { CatalogKey } from '../../../shared/i18n/translator.js';
import { commandLineActor } from '../../admin/audit.js';
import {
  addAccount,
  adminAccount,
  disableAdminAccount,
  enableAdminAccount,
  listAdminAccounts,
  resetAccountPassword,
  updateAccount,
} from '../../admin/customers/accounts.js';
import {
  addCustomer,
  customerSummary,
  listCustomerSummaries,
  updateCustomer,
} from '../../admin/customers/customers.js';
import {
  addAdminSystem,
  listAdminSystems,
  moveAdminSystem,
  retireAdminSystem,
  systemRecord,
} from '../../admin/customers/systems.js';
import { checkInput, type InputSubject } from '../../db/support.js';
import { parse } from '../commands.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, printListing, printRecord, readerT, type OutputFormat } from './output.js';

const LIST_FLAGS = {
  q: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
} as const;

interface Run {
  t: Translate;
  format: OutputFormat;
  io: CliEnvironment;
}

function begin(
  values: { json?: boolean | undefined; csv?: boolean | undefined; lang?: string | undefined },
  io: CliEnvironment,
): Run {
  const t = readerT(values.lang, io.env);
  return { t, format: outputFormat(values, t), io };
}

function verbOf(t: Translate, command: string, positionals: readonly string[], verbs: readonly string[]): string {
  const verb = positionals[0];
  if (verb === undefined || !verbs.includes(verb)) {
    throw new UsageError(t('admin.customers.cli.use', { command, verbs: verbs.join('|') }));
  }
  return verb;
}

function targetOf(
  t: Translate,
  what: 'customer' | 'account' | 'system',
  command: string,
  verb: string,
  positionals: readonly string[],
): string {
  const id = positionals[1];
  if (id === undefined || id === '')
    throw new UsageError(t('admin.customers.cli.needsTarget', { what, command, verb }));
  return id;
}

function noTarget(t: Translate, positionals: readonly string[]): void {
  if (positionals.length > 1)
    throw new UsageError(t('admin.customers.cli.unexpected', { given: positionals[1] ?? '' }));
}

function requireFlags(t: Translate, values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === '');
  if (missing.length > 0) {
    throw new UsageError(t('admin.customers.cli.missing', { flags: missing.map((n) => `--${n}`).join(', ') }));
  }
}

/** The flags as the route's schema reads them: the same bounds, refused with the same coded error. */
function checked<S extends z.ZodType>(schema: S, value: unknown, subject: InputSubject): z.output<S> {
  checkInput(schema, value, subject);
  // Parsed after the check, so defaults (a page's limit) and coercions (numbers typed as text) apply as on a route.
  return schema.parse(value);
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function footer<T>(t: Translate, page: Page<T>): string {
  const first = page.items.length === 0 ? 0 : page.offset + 1;
  return t('admin.cli.pageFooter', { first, last: page.offset + page.items.length, total: page.total });
}

// ---- customer ---------------------------------------------------------------------------------------------------

function customerFields(t: Translate, c: CustomerSummary): [string, string][] {
  return [
    [t('admin.customers.customer.id'), c.id],
    [t('admin.customers.customer.name'), c.name],
    [t('admin.customers.customer.contracts'), String(c.contracts)],
    [t('admin.customers.customer.accounts'), String(c.accounts)],
    [t('admin.customers.customer.systems'), String(c.systems)],
  ];
}

export async function customerCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    { ...OUTPUT_FLAGS, ...LIST_FLAGS, id: { type: 'string' }, name: { type: 'string' } },
    2,
  );
  const run = begin(values, io);
  const { t } = run;
  const verb = verbOf(t, 'customer', positionals, ['list', 'show', 'add', 'update']);
  const actor = commandLineActor();
  if (verb === 'list') {
    noTarget(t, positionals);
    const query = checked(
      ListQuerySchema,
      withoutUndefined({ q: values.q, offset: values.offset, limit: values.limit }),
      'customer',
    );
    const page = await withStorage(values, io, ({ db }) => listCustomerSummaries(db, query));
    printListing(io, run.format, page, {
      columns: [
        { header: t('admin.customers.customer.id'), value: (c) => c.id },
        { header: t('admin.customers.customer.name'), value: (c) => c.name },
        { header: t('admin.customers.customer.contracts'), value: (c) => c.contracts },
        { header: t('admin.customers.customer.accounts'), value: (c) => c.accounts },
        { header: t('admin.customers.customer.systems'), value: (c) => c.systems },
      ],
      rows: page.items,
      footer: footer(t, page),
    });
    return;
  }
  if (verb === 'add') {
    noTarget(t, positionals);
    requireFlags(t, values, 'name');
    const input = checked(NewCustomerSchema, withoutUndefined({ id: values.id, name: values.name }), 'customer');
    const created = await withStorage(values, io, ({ db }) => addCustomer(db, actor, input, io.now()));
    // The JSON answer keeps the shape `customer add` always had; counts are for `show`.
    if (run.format === 'json') io.print(JSON.stringify({ id: created.id, name: created.name }, null, 2));
    else io.print(t('admin.customers.customer.created', { id: created.id, name: created.name }));
    return;
  }
  const id = checked(IdSchema, targetOf(t, 'customer', 'customer', verb, positionals), 'customer');
  if (verb === 'show') {
    const customer = await withStorage(values, io, ({ db }) => customerSummary(db, id));
    printRecord(io, run.format, customer, customerFields(t, customer));
    return;
  }
  requireFlags(t, values, 'name');
  const change = checked(CustomerChangeSchema, { name: values.name }, 'customer');
  const updated = await withStorage(values, io, ({ db }) => updateCustomer(db, actor, id, change, io.now()));
  if (run.format === 'json') io.print(JSON.stringify(updated, null, 2));
  else io.print(t('admin.customers.customer.updated', { id: updated.id, name: updated.name }));
}

// ---- account ----------------------------------------------------------------------------------------------------

function roleWord(t: Translate, role: AdminAccount['role']): string {
  return t(`admin.customers.role.${roleParam(role)}` as CatalogKey);
}

function accountFields(t: Translate, a: AdminAccount): [string, string][] {
  const none = t('admin.customers.none');
  return [
    ['id', a.id],
    [t('admin.customers.account.email'), a.email],
    [t('admin.customers.account.name'), a.name],
    [t('admin.customers.account.role'), roleWord(t, a.role)],
    [t('admin.customers.account.customer'), a.customerId === null ? none : `${a.customerName ?? ''} (${a.customerId})`],
    [t('admin.customers.account.createdAt'), a.createdAt],
    [
      t('admin.customers.account.status'),
      a.disabledAt === null
        ? t('admin.customers.account.active')
        : t('admin.customers.account.disabledSince', { at: a.disabledAt }),
    ],
  ];
}

export async function accountCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      ...OUTPUT_FLAGS,
      ...LIST_FLAGS,
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      customer: { type: 'string' },
      'no-customer': { type: 'boolean' },
    },
    2,
  );
  const run = begin(values, io);
  const { t } = run;
  const verbs = ['list', 'show', 'add', 'update', 'disable', 'enable', 'reset-password'];
  const verb = verbOf(t, 'account', positionals, verbs);
  const actor = commandLineActor();
  // A password an operator chooses comes through the environment, never the command line other users can read.
  const given = io.env['HICARE_ACCOUNT_PASSWORD'];
  if (verb === 'list') {
    noTarget(t, positionals);
    const query = checked(
      AccountQuerySchema,
      withoutUndefined({
        q: values.q,
        offset: values.offset,
        limit: values.limit,
        customerId: values.customer,
        role: values.role,
      }),
      'account',
    );
    const page = await withStorage(values, io, ({ db }) => listAdminAccounts(db, query));
    const none = t('admin.customers.none');
    printListing(io, run.format, page, {
      columns: [
        { header: t('admin.customers.account.email'), value: (a) => a.email },
        { header: t('admin.customers.account.name'), value: (a) => a.name },
        { header: t('admin.customers.account.role'), value: (a) => roleWord(t, a.role) },
        { header: t('admin.customers.account.customer'), value: (a) => a.customerId ?? none },
        {
          header: t('admin.customers.account.status'),
          value: (a) =>
            a.disabledAt === null
              ? t('admin.customers.account.active')
              : t('admin.customers.account.disabledSince', { at: a.disabledAt }),
        },
        { header: 'id', value: (a) => a.id },
      ],
      rows: page.items,
      footer: footer(t, page),
    });
    return;
  }
  if (verb === 'add') {
    noTarget(t, positionals);
    requireFlags(t, values, 'email', 'name', 'role');
    const input = checked(
      NewAccountSchema,
      withoutUndefined({
        email: values.email,
        name: values.name,
        role: values.role,
        customerId: values.customer ?? null,
        password: given,
      }),
      'account',
    );
    const { account, password } = await withStorage(values, io, ({ db }) => addAccount(db, actor, input, io.now()));
    if (run.format === 'json') {
      const shown = {
        id: account.id,
        email: account.email,
        role: account.role,
        customerId: account.customerId,
        ...(password === null ? {} : { password }),
      };
      io.print(JSON.stringify(shown, null, 2));
      return;
    }
    io.print(t('admin.customers.account.created', { email: account.email }));
    if (password !== null) {
      io.print(t('admin.customers.account.generated', { password }));
      io.print(t('admin.customers.account.generatedHint'));
    }
    return;
  }
  const id = checked(IdSchema, targetOf(t, 'account', 'account', verb, positionals), 'account');
  const answer = (account: AdminAccount, line: CatalogKey): void => {
    if (run.format === 'json') io.print(JSON.stringify(account, null, 2));
    else io.print(t(line, { email: account.email }));
  };
  switch (verb) {
    case 'show': {
      const account = await withStorage(values, io, ({ db }) => adminAccount(db, id));
      printRecord(io, run.format, account, accountFields(t, account));
      return;
    }
    case 'update': {
      const change = checked(
        AccountChangeSchema,
        withoutUndefined({
          name: values.name,
          role: values.role,
          customerId: values['no-customer'] === true ? null : values.customer,
        }),
        'account',
      );
      const account = await withStorage(values, io, ({ db }) => updateAccount(db, actor, id, change, io.now()));
      answer(account, 'admin.customers.account.updated');
      return;
    }
    case 'disable': {
      const account = await withStorage(values, io, ({ db }) => disableAdminAccount(db, actor, id, io.now()));
      answer(account, 'admin.customers.account.disabled');
      return;
    }
    case 'enable': {
      const account = await withStorage(values, io, ({ db }) => enableAdminAccount(db, actor, id, io.now()));
      answer(account, 'admin.customers.account.enabled');
      return;
    }
    default: {
      const { account, password } = await withStorage(values, io, ({ db }) =>
        resetAccountPassword(db, actor, id, given, io.now()),
      );
      if (run.format === 'json') {
        io.print(JSON.stringify({ account, password }, null, 2));
        return;
      }
      io.print(t('admin.customers.account.passwordSet', { email: account.email }));
      if (password === null) io.print(t('admin.customers.account.passwordGiven'));
      else {
        io.print(t('admin.customers.account.generated', { password }));
        io.print(t('admin.customers.account.generatedHint'));
      }
    }
  }
}

// ---- system -----------------------------------------------------------------------------------------------------

function systemStatus(t: Translate, s: Pick<AdminSystem, 'retiredAt'>): string {
  return s.retiredAt === null
    ? t('admin.customers.system.covered')
    : t('admin.customers.system.retiredSince', { at: s.retiredAt });
}

function systemFields(t: Translate, s: SystemRecord): [string, string][] {
  const fields: [string, string][] = [
    [t('admin.customers.system.serial'), s.serialNumber],
    [t('admin.customers.system.product'), s.product],
    [t('admin.customers.system.location'), s.location],
    [t('admin.customers.system.installed'), s.installedVersion ?? t('admin.customers.system.unknownVersion')],
    [t('admin.customers.system.status'), systemStatus(t, s)],
  ];
  if (s.retiredAt !== null) {
    fields.push([t('admin.customers.system.retiredBy'), s.retiredBy ?? '']);
    if (s.retiredReason !== null) fields.push([t('admin.customers.system.reason'), s.retiredReason]);
  }
  fields.push([
    t('admin.customers.system.contracts'),
    s.contracts.map((c) => `${c.contractId} (${c.customerId})`).join(', '),
  ]);
  return fields;
}

export async function systemCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      ...OUTPUT_FLAGS,
      ...LIST_FLAGS,
      contract: { type: 'string' },
      customer: { type: 'string' },
      serial: { type: 'string' },
      product: { type: 'string' },
      location: { type: 'string' },
      installed: { type: 'string' },
      platform: { type: 'string' },
      reason: { type: 'string' },
    },
    2,
  );
  const run = begin(values, io);
  const { t } = run;
  const verb = verbOf(t, 'system', positionals, ['list', 'show', 'add', 'move', 'retire']);
  const actor = commandLineActor();
  if (verb === 'list') {
    noTarget(t, positionals);
    const query = checked(
      SystemQuerySchema,
      withoutUndefined({
        q: values.q,
        offset: values.offset,
        limit: values.limit,
        customerId: values.customer,
        contractId: values.contract,
      }),
      'covered system',
    );
    const page = await withStorage(values, io, ({ db }) => listAdminSystems(db, query));
    printListing(io, run.format, page, {
      columns: [
        { header: t('admin.customers.system.serial'), value: (s) => s.serialNumber },
        { header: t('admin.customers.system.product'), value: (s) => s.product },
        { header: t('admin.customers.system.location'), value: (s) => s.location },
        { header: t('admin.customers.system.contract'), value: (s) => s.contractId },
        { header: t('admin.customers.system.customer'), value: (s) => s.customerId },
        {
          header: t('admin.customers.system.installed'),
          value: (s) => s.installedVersion ?? t('admin.customers.system.unknownVersion'),
        },
        { header: t('admin.customers.system.status'), value: (s) => systemStatus(t, s) },
      ],
      rows: page.items,
      footer: footer(t, page),
    });
    return;
  }
  if (verb === 'add') {
    noTarget(t, positionals);
    requireFlags(t, values, 'contract', 'serial', 'product', 'location');
    const input = checked(
      NewSystemSchema,
      withoutUndefined({
        contractId: values.contract,
        serialNumber: values.serial,
        product: values.product,
        location: values.location,
        installedVersion: values.installed,
      }),
      'covered system',
    );
    await withStorage(values, io, ({ db }) => addAdminSystem(db, actor, input, io.now(), values.platform ?? null));
    const { contractId, serialNumber, product, location } = input;
    // The JSON answer keeps the shape `system add` always had.
    if (run.format === 'json') io.print(JSON.stringify({ contractId, serialNumber, product, location }, null, 2));
    else io.print(t('admin.customers.system.added', { serial: serialNumber, contract: contractId }));
    return;
  }
  const serial = checked(SerialNumberSchema, targetOf(t, 'system', 'system', verb, positionals), 'covered system');
  if (verb === 'show') {
    const record = await withStorage(values, io, ({ db }) => systemRecord(db, serial));
    printRecord(io, run.format, record, systemFields(t, record));
    return;
  }
  if (verb === 'move') {
    requireFlags(t, values, 'location');
    const { location } = checked(SystemMoveSchema, { location: values.location }, 'covered system');
    const record = await withStorage(values, io, ({ db }) => moveAdminSystem(db, actor, serial, location, io.now()));
    if (run.format === 'json') io.print(JSON.stringify(record, null, 2));
    else io.print(t('admin.customers.system.moved', { serial, location: record.location }));
    return;
  }
  const { reason } = checked(SystemRetireSchema, withoutUndefined({ reason: values.reason }), 'covered system');
  const record = await withStorage(values, io, ({ db }) => retireAdminSystem(db, actor, serial, reason, io.now()));
  if (run.format === 'json') io.print(JSON.stringify(record, null, 2));
  else io.print(t('admin.customers.system.retired', { serial }));
}
