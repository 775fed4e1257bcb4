/** `hicare-portal mail list|retry ID|send-test --to ADDRESS`: the outbox from the portal's own machine. */
import { mailKindKey, MAIL_KINDS, type MailKind } from '../../../shared/domain/mail.js';
import { MAIL_STATES, type MailStateName } from '../../../shared/contracts/admin/mail.js';
import { PAGE_LIMIT_DEFAULT } from '../../../shared/contracts/admin/paging.js';
import { commandLineActor } from '../../admin/audit.js';
import { listOutbox, retryMail } from '../../mail/outbox.js';
import { mailSettingsFromEnv, sendTestMail } from '../../mail/sender.js';
import { parse } from '../commands.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, printListing, printRecord, readerLocale, readerT } from './output.js';

export async function mailCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(
    rest,
    {
      ...OUTPUT_FLAGS,
      q: { type: 'string' },
      state: { type: 'string' },
      kind: { type: 'string' },
      offset: { type: 'string' },
      limit: { type: 'string' },
      to: { type: 'string' },
    },
    1,
  );
  const t = readerT(values.lang, io.env);
  const format = outputFormat(values, t);
  if (sub === 'list') {
    const state = values.state;
    const kind = values.kind;
    if (state !== undefined && !(MAIL_STATES as readonly string[]).includes(state))
      throw new UsageError(t('admin.mail.cli.usage'));
    if (kind !== undefined && !(MAIL_KINDS as readonly string[]).includes(kind))
      throw new UsageError(t('admin.mail.cli.usage'));
    const offset = Number(values.offset ?? 0);
    const limit = Number(values.limit ?? PAGE_LIMIT_DEFAULT);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new UsageError(t('admin.mail.cli.usage'));
    }
    const page = await withStorage(values, io, ({ db }) =>
      listOutbox(db, {
        q: values.q,
        state: state as MailStateName | undefined,
        kind: kind as MailKind | undefined,
        offset,
        limit,
      }),
    );
    printListing(io, format, page, {
      columns: [
        { header: t('admin.mail.columns.created'), value: (r) => r.createdAt },
        { header: t('admin.mail.columns.kind'), value: (r) => t('admin.mail.kind', { kind: mailKindKey(r.kind) }) },
        { header: t('admin.mail.columns.recipient'), value: (r) => r.recipient },
        { header: t('admin.mail.columns.state'), value: (r) => t('admin.mail.state', { state: r.state }) },
        { header: t('admin.mail.columns.attempts'), value: (r) => r.attempts },
        {
          header: t('admin.mail.columns.lastError'),
          value: (r) =>
            r.lastError === null
              ? ''
              : t('admin.mail.failure', {
                  reason: r.lastError.reason,
                  server: r.lastError.server ?? '',
                  smtpCode: r.lastError.smtpCode ?? 0,
                }),
        },
        { header: 'id', value: (r) => r.id },
      ],
      rows: page.items,
      footer: t('admin.cli.pageFooter', {
        first: page.total === 0 ? 0 : page.offset + 1,
        last: page.offset + page.items.length,
        total: page.total,
      }),
    });
    return;
  }
  if (sub === 'retry') {
    const id = positionals[0];
    if (id === undefined) throw new UsageError(t('admin.mail.cli.retryUsage'));
    const entry = await withStorage(values, io, ({ db }) => retryMail(db, commandLineActor(), id, io.now()));
    if (format === 'json') io.print(JSON.stringify(entry, null, 2));
    else io.print(t('admin.mail.cli.retried', { id }));
    return;
  }
  if (sub === 'send-test') {
    const to = values.to;
    if (to === undefined || !/^[^\s@]+@[^\s@]+$/.test(to)) throw new UsageError(t('admin.mail.cli.sendTestUsage'));
    const settings = mailSettingsFromEnv(io.env, 'http://127.0.0.1');
    if (settings.smtpUrl === undefined) {
      io.print(t('admin.mail.cli.notConfigured'));
    }
    const locale = readerLocale(values.lang, io.env);
    const messageId = await sendTestMail(settings, to, locale === 'zh-CN' ? 'zh-CN' : 'en');
    printRecord(io, format, { to, messageId }, [
      [t('admin.mail.columns.recipient'), to],
      [t('admin.mail.columns.messageId'), messageId],
    ]);
    return;
  }
  throw new UsageError(t('admin.mail.cli.usage'));
}
