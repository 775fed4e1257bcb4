/**
 * The pages an e-mail's links open without signing in: the one-use survey of a closed request and the unsubscribe
 * page. Plain server-written HTML under a CSP that allows no script, no outside address and only its own inline
 * style sheet (by its hash); forms
 * post back to the same address, whose token is the only capability (stored hashed, compared by its hash). The page
 * speaks the browser's language when the portal speaks it, else the invitation's. Refusals are pages with the coded
 * error (code, message, remedy) and its HTTP status.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PortalRawRoutes } from '../../shared/contracts/portal-raw-routes.js';
import { mailKindKey } from '../../shared/domain/mail.js';
import { HicareError, isHicareError } from '../../shared/errors.js';
import { isLocale, type Locale } from '../../shared/i18n/locales.js';
import { translator } from '../../shared/i18n/translator.js';
import type { Database, MailTokensTable } from '../db/schema.js';
import { insertSurveyAnswer } from '../db/surveys.js';
import { toIso } from '../db/support.js';
import { getRequestRecord } from '../db/requests.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { answerIn, spokenLocale } from '../http/locale.js';
import type { RawHandler } from '../http/raw-route.js';
import { httpStatusFor } from '../http/status.js';
import { escapeHtml } from './compose.js';
import { hashToken } from './sender.js';
import { setMailPreferences } from './preferences.js';

/** A customer meets this page from an e-mail: readable on a phone and a desktop, in the app's colours, no web font. */
const STYLE =
  'body{margin:0;background:#f4f6f9;color:#1b2430;font:16px/1.5 system-ui,sans-serif}' +
  'main{max-width:36rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d7dde5;' +
  'border-radius:8px}h1{font-size:1.4rem;margin:0 0 1rem}fieldset{border:1px solid #d7dde5;border-radius:6px;' +
  'padding:.75rem 1rem}label{display:block;margin:.25rem 0}textarea{width:100%;box-sizing:border-box;font:inherit}' +
  'button{margin-top:1rem;padding:.5rem 1.25rem;font:inherit;color:#fff;background:#0b5cad;border:0;' +
  'border-radius:6px;cursor:pointer}a{color:#0b5cad}';
// The hash lets exactly this style sheet in; nothing else inline or from elsewhere can be applied.
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
const COMMENT_MAX = 2000;

function localeFor(request: FastifyRequest, token: Pick<MailTokensTable, 'locale'> | undefined): Locale {
  const fromToken = token !== undefined && isLocale(token.locale) ? token.locale : 'en';
  return spokenLocale(request.headers['accept-language']) ?? fromToken;
}

function send(reply: FastifyReply, locale: Locale, status: number, title: string, body: string): FastifyReply {
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main></body></html>`;
  return (
    answerIn(reply, locale)
      .code(status)
      .header('content-security-policy', CSP)
      // The address holds the token: it must not leave in a Referer, nor stay in a shared cache.
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(html)
  );
}

function refusal(reply: FastifyReply, locale: Locale, error: HicareError): FastifyReply {
  const t = translator(locale);
  const body = error.toBody(locale);
  return send(
    reply,
    locale,
    httpStatusFor(error.code),
    t('admin.mail.page.refused'),
    `<h1>${escapeHtml(t('admin.mail.page.refused'))}</h1>` +
      `<p data-code="${escapeHtml(body.code)}">${escapeHtml(body.message)}</p><p>${escapeHtml(body.remedy)}</p>`,
  );
}

function tokenOf(request: FastifyRequest): string {
  const token = (request.params as { token?: unknown }).token;
  return typeof token === 'string' ? token : '';
}

async function findToken(db: Kysely<Database>, token: string, purpose: 'survey' | 'unsubscribe') {
  if (token.length < 20 || token.length > 100) return undefined;
  return db
    .selectFrom('mail_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** The reason a survey token cannot be used now, or undefined when it can. */
function surveyRefusal(row: MailTokensTable | undefined, now: Date): HicareError | undefined {
  if (row === undefined) return new HicareError('NOT_FOUND.mailLink');
  if (row.used_at !== null) return new HicareError('ALREADY_EXISTS.surveyLinkUsed');
  if (row.expires_at !== null && row.expires_at <= toIso(now)) {
    return new HicareError('LINK_EXPIRED.survey', { expiredAt: row.expires_at, zone: 'UTC' });
  }
  return undefined;
}

function appLink(requestId: string | null, label: string): string {
  if (requestId === null) return '';
  return `<p><a href="hicare://request/${escapeHtml(encodeURIComponent(requestId))}">${escapeHtml(label)}</a></p>`;
}

type MailPageHandlers = {
  [K in 'surveyPage' | 'surveyAnswer' | 'unsubscribePage' | 'unsubscribe']: RawHandler<PortalRawRoutes[K]>;
};

export function mailPageHandlers({ db, now }: EntitlementContext): MailPageHandlers {
  return {
    surveyPage: async ({ request, reply }) => {
      const row = await findToken(db, tokenOf(request), 'survey');
      const locale = localeFor(request, row);
      const refused = surveyRefusal(row, now());
      if (refused !== undefined || row === undefined)
        return refusal(reply, locale, refused ?? new HicareError('NOT_FOUND.mailLink'));
      const t = translator(locale);
      const record = row.request_id === null ? undefined : await getRequestRecord(db, row.request_id);
      const number = record?.number ?? '';
      const options = [1, 2, 3, 4, 5]
        .map(
          (v) =>
            `<label><input type="radio" name="rating" value="${v}" required> ${escapeHtml(t('admin.mail.page.ratingValue', { value: String(v) }))}</label><br>`,
        )
        .join('');
      return send(
        reply,
        locale,
        200,
        t('admin.mail.page.title'),
        `<h1>${escapeHtml(t('admin.mail.page.heading', { number }))}</h1>` +
          `<form method="post"><fieldset><legend>${escapeHtml(t('admin.mail.page.rating'))}</legend>${options}</fieldset>` +
          `<p><label for="comment">${escapeHtml(t('admin.mail.page.comment'))}</label><br>` +
          `<textarea id="comment" name="comment" rows="5" cols="60" maxlength="${COMMENT_MAX}"></textarea></p>` +
          `<p><button type="submit">${escapeHtml(t('admin.mail.page.submit'))}</button></p></form>` +
          appLink(row.request_id, t('admin.mail.page.openInApp')),
      );
    },
    surveyAnswer: async ({ request, reply }) => {
      const row = await findToken(db, tokenOf(request), 'survey');
      const locale = localeFor(request, row);
      const at = now();
      const refused = surveyRefusal(row, at);
      if (refused !== undefined || row === undefined)
        return refusal(reply, locale, refused ?? new HicareError('NOT_FOUND.mailLink'));
      const form = (request.body ?? {}) as Record<string, unknown>;
      const rating =
        typeof form['rating'] === 'string' && /^[1-5]$/.test(form['rating']) ? Number(form['rating']) : NaN;
      const comment = typeof form['comment'] === 'string' ? form['comment'].trim() : '';
      if (!Number.isInteger(rating) || comment.length > COMMENT_MAX || comment.includes('\u0000')) {
        return refusal(reply, locale, new HicareError('INVALID_INPUT.surveyForm'));
      }
      const record = row.request_id === null ? undefined : await getRequestRecord(db, row.request_id);
      if (record === undefined) return refusal(reply, locale, new HicareError('NOT_FOUND.mailLink'));
      try {
        await db.transaction().execute(async (trx) => {
          // The link is used up and the answer recorded together; of two posts at once, one wins the UPDATE.
          const used = await trx
            .updateTable('mail_tokens')
            .set({ used_at: toIso(at) })
            .where('token_hash', '=', row.token_hash)
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) throw new HicareError('ALREADY_EXISTS.surveyLinkUsed');
          // The surveys table's key keeps it to one answer per request, whether from the app or from here.
          await insertSurveyAnswer(
            trx,
            { requestId: record.id, customerId: record.customerId, accountId: row.account_id, rating, comment },
            at,
          );
        });
      } catch (error) {
        if (isHicareError(error)) return refusal(reply, locale, error);
        throw error;
      }
      const t = translator(locale);
      return send(
        reply,
        locale,
        200,
        t('admin.mail.page.title'),
        `<h1>${escapeHtml(t('admin.mail.page.thanks'))}</h1>` + appLink(record.id, t('admin.mail.page.openInApp')),
      );
    },
    unsubscribePage: async ({ request, reply }) => {
      const row = await findToken(db, tokenOf(request), 'unsubscribe');
      const locale = localeFor(request, row);
      if (row === undefined) return refusal(reply, locale, new HicareError('NOT_FOUND.mailLink'));
      const t = translator(locale);
      const kind = t('admin.mail.kind', { kind: mailKindKey(row.kind) });
      return send(
        reply,
        locale,
        200,
        t('admin.mail.settings.title'),
        `<h1>${escapeHtml(t('admin.mail.page.unsubscribeHeading', { kind }))}</h1>` +
          `<form method="post"><button type="submit">${escapeHtml(t('admin.mail.page.unsubscribeButton'))}</button></form>`,
      );
    },
    unsubscribe: async ({ request, reply }) => {
      const row = await findToken(db, tokenOf(request), 'unsubscribe');
      const locale = localeFor(request, row);
      if (row === undefined) return refusal(reply, locale, new HicareError('NOT_FOUND.mailLink'));
      await setMailPreferences(db, row.account_id, { [row.kind]: false }, now());
      const t = translator(locale);
      return send(
        reply,
        locale,
        200,
        t('admin.mail.settings.title'),
        `<h1>${escapeHtml(t('admin.mail.page.unsubscribed'))}</h1>`,
      );
    },
  };
}
