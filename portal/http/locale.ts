/**
 * The language a request is answered in: the first of its Accept-Language tags the portal speaks, else English.
 * Only real locales are served (a test pseudo-locale reads as English), and every answer whose text follows the
 * header says so, so that a shared cache keeps one copy per language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptLanguageTags, isLocale, negotiateLocale, type Locale } from '../../shared/i18n/locales.js';

export function localeOf(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(', ') : acceptLanguage;
  const locale = negotiateLocale(acceptLanguageTags(header));
  return isLocale(locale) ? locale : 'en';
}

export function requestLocale(request: FastifyRequest): Locale {
  return localeOf(request.headers['accept-language']);
}

/** Marks a reply as written in `locale`, chosen by the request's Accept-Language. */
export function answerIn(reply: FastifyReply, locale: Locale): FastifyReply {
  const vary = reply.getHeader('vary');
  const listed = typeof vary === 'string' && /(^|,)\s*accept-language\s*(,|$)/i.test(vary);
  if (!listed)
    reply.header('vary', typeof vary === 'string' && vary !== '' ? `${vary}, Accept-Language` : 'Accept-Language');
  return reply.header('content-language', locale);
}
