/**
 * The sender: takes due mail from the outbox (./outbox.ts), writes it in the recipient's language with its links,
 * hands it to SMTP through nodemailer, and marks it sent, or queues it again with backoff when SMTP is down. `serve`
 * runs it in a loop with the scans (./scans.ts); tests call `tick` and `scan` themselves, on the test's clock.
 *
 * Configuration: HICARE_SMTP_URL (smtp://host:port, smtp://user:password@host:587, smtps://…:465), HICARE_MAIL_FROM
 * (the From address), HICARE_PUBLIC_URL (the portal's address as recipients reach it, for the links). Without an
 * SMTP URL nothing is sent and mail stays queued, to go out once one is configured.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { MailFailure } from '../../shared/contracts/admin/mail.js';
import { SURVEY_LINK_DAYS } from '../../shared/domain/mail.js';
import { HicareError } from '../../shared/errors.js';
import { isLocale, type Locale } from '../../shared/i18n/locales.js';
import type { Database } from '../db/schema.js';
import { newId, toIso } from '../db/support.js';
import { composeMail, type ComposedMail, type MailLinks } from './compose.js';
import { claimDueMail, hasOptedOut, markFailed, markSent, markSkipped, type OutboxRow } from './outbox.js';
import { scanExpiringContracts, scanSlaAtRisk } from './scans.js';

export const SURVEY_PATH = '/survey/';
export const UNSUBSCRIBE_PATH = '/mail/unsubscribe/';

export interface MailSettings {
  /** Absent: mail is queued and not sent. */
  smtpUrl: string | undefined;
  from: string;
  /** The portal's public address, without a trailing slash. */
  publicUrl: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads and checks the mail settings; `fallbackUrl` is the portal's own address when HICARE_PUBLIC_URL is unset. */
export function mailSettingsFromEnv(env: Env, fallbackUrl: string): MailSettings {
  const smtpUrl = setting(env, 'HICARE_SMTP_URL');
  if (smtpUrl !== undefined) {
    let ok: boolean;
    try {
      const url = new URL(smtpUrl);
      ok = (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      ok = false;
    }
    // The URL may hold a password: it is not repeated in the message.
    if (!ok)
      throw new HicareError('INVALID_INPUT.mailSettings', { name: 'HICARE_SMTP_URL' }, { variable: 'HICARE_SMTP_URL' });
  }
  const publicUrl = setting(env, 'HICARE_PUBLIC_URL') ?? fallbackUrl;
  if (!/^https?:\/\/\S+$/i.test(publicUrl)) {
    throw new HicareError(
      'INVALID_INPUT.mailSettings',
      { name: 'HICARE_PUBLIC_URL' },
      { variable: 'HICARE_PUBLIC_URL' },
    );
  }
  const from = setting(env, 'HICARE_MAIL_FROM') ?? `Hi-Care <hicare@${hostname()}>`;
  return { smtpUrl, from, publicUrl: publicUrl.replace(/\/+$/, '') };
}

/** host:port of the SMTP server, never its user name or password. */
export function smtpServerName(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port === '' ? (url.protocol === 'smtps:' ? '465' : '25') : url.port}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Plain words for what went wrong (as values the catalog words), never the driver's text. */
export function failureOf(error: unknown, server: string): MailFailure {
  const e = error as { code?: string; responseCode?: number; command?: string };
  if (e.code === 'EAUTH') return { reason: 'authentication', server };
  if (typeof e.responseCode === 'number') {
    if (e.command === 'RCPT TO' && e.responseCode >= 500)
      return { reason: 'recipient', server, smtpCode: e.responseCode };
    return { reason: 'refused', server, smtpCode: e.responseCode };
  }
  if (e.code === 'ECONNECTION' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKET' || e.code === 'EDNS') {
    return { reason: 'unreachable', server };
  }
  return { reason: 'other', server };
}

export interface SendReport {
  sent: number;
  failed: number;
}

export interface MailSender {
  readonly configured: boolean;
  /** Sends what is due now; returns what happened. */
  tick(): Promise<SendReport>;
  /** Queues what the scans find due (SLA at risk; contracts expiring). */
  scan(what?: { contracts?: boolean }): Promise<number>;
  close(): void;
}

export interface MailSenderOptions {
  db: Kysely<Database>;
  now: () => Date;
  settings: MailSettings;
  /** This instance's name in the leases; unique per process. */
  holder?: string;
  /** [0, 1): the backoff's jitter; tests fix it. */
  random?: () => number;
}

const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createMailSender(options: MailSenderOptions): MailSender {
  const { db, now, settings } = options;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${newId()}`;
  const random = options.random ?? Math.random;
  const transport =
    settings.smtpUrl === undefined
      ? undefined
      : nodemailer.createTransport({ url: settings.smtpUrl, ...SMTP_TIMEOUTS });
  const server = settings.smtpUrl === undefined ? '' : smtpServerName(settings.smtpUrl);

  async function newToken(
    row: OutboxRow,
    purpose: 'survey' | 'unsubscribe',
    at: Date,
    expiresAt: Date | null,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    // A retried send gets a new link; the one of the failed try was never delivered.
    await db.deleteFrom('mail_tokens').where('outbox_id', '=', row.id).where('purpose', '=', purpose).execute();
    await db
      .insertInto('mail_tokens')
      .values({
        token_hash: hashToken(token),
        purpose,
        outbox_id: row.id,
        account_id: row.accountId,
        kind: row.kind,
        request_id: typeof row.params['requestId'] === 'string' ? row.params['requestId'] : null,
        locale: row.locale,
        created_at: toIso(at),
        expires_at: expiresAt === null ? null : toIso(expiresAt),
      })
      .execute();
    return token;
  }

  async function compose(row: OutboxRow, at: Date): Promise<{ mail: ComposedMail; unsubscribe: string }> {
    const account = await db.selectFrom('accounts').select('name').where('id', '=', row.accountId).executeTakeFirst();
    const locale: Locale = isLocale(row.locale) ? row.locale : 'en';
    const links: MailLinks = {};
    const params: Record<string, string | number> = { ...row.params };
    if (typeof row.params['requestId'] === 'string') links.app = `hicare://request/${row.params['requestId']}`;
    if (row.kind === 'survey-invitation') {
      const until = new Date(at.getTime() + SURVEY_LINK_DAYS * 86_400_000);
      links.survey = settings.publicUrl + SURVEY_PATH + (await newToken(row, 'survey', at, until));
      params['untilAt'] = until.toISOString();
    }
    const unsubscribe = settings.publicUrl + UNSUBSCRIBE_PATH + (await newToken(row, 'unsubscribe', at, null));
    links.unsubscribe = unsubscribe;
    return { mail: composeMail(row.kind, locale, account?.name ?? row.recipient, params, links), unsubscribe };
  }

  async function sendOne(row: OutboxRow): Promise<boolean> {
    if (transport === undefined) return false;
    const at = now();
    if (await hasOptedOut(db, row.accountId, row.kind)) {
      await markSkipped(db, row, holder);
      return false;
    }
    const { mail, unsubscribe } = await compose(row, at);
    // One Message-ID for every try: a copy sent twice (a crash after SMTP's accept) is recognisably the same mail.
    const messageId = `<${row.id}@hicare-portal>`;
    try {
      await transport.sendMail({
        from: settings.from,
        to: row.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        textEncoding: 'base64',
        headers: { 'Auto-Submitted': 'auto-generated' },
        list: { unsubscribe: { url: unsubscribe, comment: 'Unsubscribe' } },
      });
    } catch (error) {
      await markFailed(db, row, holder, failureOf(error, server), now(), random());
      return false;
    }
    await markSent(db, row.id, holder, messageId, now());
    return true;
  }

  return {
    configured: transport !== undefined,
    async tick() {
      const report: SendReport = { sent: 0, failed: 0 };
      if (transport === undefined) return report;
      for (const row of await claimDueMail(db, holder, now())) {
        if (await sendOne(row)) report.sent++;
        else report.failed++;
      }
      return report;
    },
    async scan(what = {}) {
      let added = await scanSlaAtRisk(db, now());
      if (what.contracts !== false) added += await scanExpiringContracts(db, now());
      return added;
    },
    close() {
      transport?.close();
    },
  };
}

/** Sends a test mail at once (not through the outbox): what `hicare-portal mail send-test` does. */
export async function sendTestMail(settings: MailSettings, to: string, locale: Locale): Promise<string> {
  if (settings.smtpUrl === undefined) throw new HicareError('INVALID_INPUT.mailSettings', { name: 'HICARE_SMTP_URL' });
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, ...SMTP_TIMEOUTS });
  const mail = composeMail('test', locale, to, {}, {});
  const messageId = `<test-${newId()}@hicare-portal>`;
  try {
    await transport.sendMail({
      from: settings.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
    });
    return messageId;
  } finally {
    transport.close();
  }
}

export interface MailLoop {
  stop(): void;
}

/** Sends every `everyMs` and scans; the contract scan once an hour (its notices are by the day). */
export function startMailLoop(
  sender: MailSender,
  everyMs: number,
  log: (error: unknown, what: string) => void,
): MailLoop {
  let running = false;
  let lastContractScan = 0;
  const step = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const contracts = Date.now() - lastContractScan >= 3_600_000;
      await sender.scan({ contracts });
      if (contracts) lastContractScan = Date.now();
      await sender.tick();
    } catch (error) {
      log(error, 'sending mail');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void step(), everyMs);
  timer.unref();
  void step();
  return {
    stop() {
      clearInterval(timer);
      sender.close();
    },
  };
}
