/**
 * The language a request is answered in: the first of its Accept-Language tags the portal speaks, else English.
 * Only real locales are served (a test pseudo-locale reads as English), and every answer whose text follows the
 * header says so, so that a shared cache keeps one copy per language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptLanguageTags, isLocale, matchLocale, type Locale } from '../../shared/i18n/locales.js';

/** The first language of the header the portal speaks, or undefined when it names none (or there is none). */
export function spokenLocale(acceptLanguage: string | string[] | undefined): Locale | undefined {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(', ') : acceptLanguage;
  for (const tag of acceptLanguageTags(header)) {
    const locale = matchLocale(tag);
    if (locale !== null) return isLocale(locale) ? locale : 'en';
  }
  return undefined;
}

export function requestLocale(request: FastifyRequest): Locale {
  return spokenLocale(request.headers['accept-language']) ?? 'en';
}

/** The language a request asks to be read in, when it names one the portal speaks: what a sign-in remembers. */
export function requestedLocale(request: FastifyRequest): Locale | undefined {
  return spokenLocale(request.headers['accept-language']);
}

/** Marks a reply as written in `locale`, chosen by the request's Accept-Language. */
export function answerIn(reply: FastifyReply, locale: Locale): FastifyReply {
  const vary = reply.getHeader('vary');
  const listed = typeof vary === 'string' && /(^|,)\s*accept-language\s*(,|$)/i.test(vary);
  if (!listed)
    reply.header('vary', typeof vary === 'string' && vary !== '' ? `${vary}, Accept-Language` : 'Accept-Language');
  return reply.header('content-language', locale);
}
