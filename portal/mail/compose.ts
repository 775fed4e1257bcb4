/**
 * The text of each kind of mail, in the recipient's language: a plain-text part and a simple HTML part written from
 * the same sentences (every value escaped), with the links each kind carries and, always, the unsubscribe link.
 */
import { mailKindKey, type MailKind } from '../../shared/domain/mail.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { translator, type CatalogKey } from '../../shared/i18n/translator.js';

export interface MailLinks {
  /** The one-use survey page (survey invitations). */
  survey?: string;
  /** `hicare://request/<id>`: the request in the desktop app. */
  app?: string;
  /** Turns this kind off for the recipient without signing in. */
  unsubscribe?: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph: its text, and the link in it (shown as the address itself, which is what the text says). */
interface Paragraph {
  text: string;
  link?: string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function htmlParagraph(p: Paragraph): string {
  if (p.link === undefined) return `<p>${escapeHtml(p.text).replace(/\n/g, '<br>')}</p>`;
  const link = escapeHtml(p.link);
  // The sentence holds the address where {link} was; the address becomes the anchor.
  const [before = '', after = ''] = p.text.split(p.link);
  return `<p>${escapeHtml(before)}<a href="${link}">${link}</a>${escapeHtml(after)}</p>`;
}

export function composeMail(
  kind: MailKind | 'test',
  locale: Locale,
  recipientName: string,
  params: Readonly<Record<string, string | number>>,
  links: MailLinks,
): ComposedMail {
  const t = translator(locale);
  const key = (leaf: string): CatalogKey =>
    `admin.mail.email.${kind === 'test' ? 'test' : mailKindKey(kind)}.${leaf}` as CatalogKey;
  // Instants and dates are written in the zone the mail names (the contract's), else UTC.
  const values = { zone: 'UTC', ...params };
  const paragraphs: Paragraph[] = [{ text: t('admin.mail.email.greeting', { name: recipientName }) }];
  paragraphs.push({ text: t(key('body'), values) });
  if (kind === 'request-update' && typeof params['excerpt'] === 'string' && params['excerpt'] !== '') {
    paragraphs.push({ text: params['excerpt'] });
  }
  if (links.survey !== undefined) {
    paragraphs.push({ text: t(key('link'), { link: links.survey }), link: links.survey });
    paragraphs.push({ text: t(key('expires'), values) });
  }
  if (links.app !== undefined)
    paragraphs.push({ text: t('admin.mail.email.appLink', { link: links.app }), link: links.app });
  paragraphs.push({ text: t('admin.mail.email.signature') });
  if (links.unsubscribe !== undefined) {
    paragraphs.push({ text: t('admin.mail.email.unsubscribe', { link: links.unsubscribe }), link: links.unsubscribe });
  }
  const subject = t(key('subject'), values);
  const text = paragraphs.map((p) => p.text).join('\n\n') + '\n';
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body>${paragraphs.map(htmlParagraph).join('')}</body></html>`;
  return { subject, text, html };
}
