/**
 * A schema's refusal in a person's words, field by field ("password: at least 12 characters"), for the portal's error
 * body, the app's validation errors and the CLI alike. zod's own phrasing ("Too big: expected number to be <=72",
 * "Invalid input: expected string, received undefined") never reaches a user: it is replaced while parsing, and a
 * message a schema wrote itself ("letters, digits, "-" and "_" only") is kept, since it was written for people.
 */
import type { z } from 'zod';
import { HicareError } from '../errors.js';
import { intlLocale } from '../i18n/format.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { translate, translator, type CatalogKey } from '../i18n/translator.js';

export interface PlainIssue {
  /** Dotted path of the field ("grant.password"); empty for the value as a whole. */
  path: string;
  message: string;
}

type RawIssue = z.core.$ZodRawIssue;

type IssueKey = Extract<CatalogKey, `domain.issue.${string}`>;

/** The words of one issue as a catalog key and its params, so they can be written in any language. */
export interface IssueWords {
  key: IssueKey;
  params?: Record<string, string | number>;
}

function quoted(values: readonly unknown[], locale: DisplayLocale): string {
  const shown = values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  if (shown.length === 0) return translate(locale, 'domain.issue.nothing');
  return new Intl.ListFormat(intlLocale(locale), { type: 'disjunction' }).format(shown);
}

type Side = 'least' | 'most';

const BOUND_KEYS: Record<string, Record<Side, IssueKey>> = {
  string: { least: 'domain.issue.atLeastCharacters', most: 'domain.issue.atMostCharacters' },
  array: { least: 'domain.issue.atLeastItems', most: 'domain.issue.atMostItems' },
  set: { least: 'domain.issue.atLeastItems', most: 'domain.issue.atMostItems' },
  file: { least: 'domain.issue.atLeastBytes', most: 'domain.issue.atMostBytes' },
};

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, side: Side): IssueWords {
  const n = Number(limit);
  const exclusive = issue.inclusive === false;
  const counted = BOUND_KEYS[issue.origin ?? ''];
  // Limits go as text: "at least 1000 characters", never a number each language groups its own way.
  if (counted !== undefined) {
    const shown = exclusive && issue.origin !== 'file' ? (side === 'least' ? n + 1 : n - 1) : n;
    return { key: counted[side], params: { n: String(shown) } };
  }
  if (exclusive)
    return { key: side === 'least' ? 'domain.issue.moreThan' : 'domain.issue.lessThan', params: { n: String(n) } };
  return { key: side === 'least' ? 'domain.issue.atLeast' : 'domain.issue.atMost', params: { n: String(n) } };
}

/** Which words an issue gets: a zod issue (raw while parsing, or as parsed, without its input) to a catalog key. */
export function issueWords(issue: RawIssue): IssueWords {
  switch (issue.code) {
    case 'invalid_type':
      if ('input' in issue && issue.input === undefined) return { key: 'domain.issue.required' };
      return { key: 'domain.issue.mustBe', params: { kind: issue.expected } };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { key: 'domain.issue.notEmpty' }
        : bound(issue, issue.minimum, 'least');
    case 'too_big':
      return bound(issue, issue.maximum, 'most');
    case 'invalid_value':
      return { key: issue.values.length === 1 ? 'domain.issue.value' : 'domain.issue.oneOf', params: { values: '' } };
    case 'invalid_format':
      return issue.format === 'regex'
        ? { key: 'domain.issue.pattern' }
        : { key: 'domain.issue.format', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { key: 'domain.issue.unrecognizedKeys', params: { keys: '', count: issue.keys.length } };
    case 'not_multiple_of':
      return { key: 'domain.issue.multipleOf', params: { divisor: String(issue.divisor) } };
    case 'invalid_union':
      return { key: 'domain.issue.union' };
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'domain.issue.element' };
    default:
      return { key: 'domain.issue.other' };
  }
}

/** The words for one issue in `locale`; used as zod's error map while parsing, so only issues without a message of their own get them. */
export function plainIssueWords(issue: RawIssue, locale: DisplayLocale = 'en'): string {
  const { key, params } = issueWords(issue);
  // Lists of values and keys are written in the reader's language ("a", "b" or "c" / "a"、"b"或"c").
  const lists =
    issue.code === 'invalid_value'
      ? { values: quoted(issue.values, locale) }
      : issue.code === 'unrecognized_keys'
        ? { keys: quoted(issue.keys, locale) }
        : {};
  return translate(locale, key, { ...params, ...lists });
}

/** Parses with plain words for every issue a schema did not word itself. */
export function safeParsePlain<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(value, { error: (issue) => plainIssueWords(issue as RawIssue) });
}

/**
 * The issues of a refusal, field by field, in `locale`. Words this module wrote (in English, while parsing) are
 * written again in `locale`; a message a schema wrote itself is kept as it is.
 */
export function plainIssues(
  error: z.ZodError,
  prefix: readonly string[] = [],
  locale: DisplayLocale = 'en',
): PlainIssue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path.map(String)].join('.'),
    message: locale === 'en' ? i.message : inLocale(i as unknown as RawIssue, i.message, locale),
  }));
}

function inLocale(issue: RawIssue, message: string, locale: DisplayLocale): string {
  if (message === translate('en', 'domain.issue.required')) return translate(locale, 'domain.issue.required');
  return message === plainIssueWords(issue) ? plainIssueWords(issue, locale) : message;
}

/** "password: at least 12 characters; scope: must be one of …" — at most three, the rest counted. */
export function issuesSentence(issues: readonly PlainIssue[], locale: DisplayLocale = 'en'): string {
  const t = translator(locale);
  const shown = issues
    .slice(0, 3)
    .map((i) => (i.path === '' ? i.message : t('domain.issue.field', { path: i.path, words: i.message })))
    .join(t('domain.issue.separator'));
  return issues.length > 3 ? t('domain.issue.more', { issues: shown, count: issues.length - 3 }) : shown;
}

/** The remedies a refusal of values comes with: correct and try again, or correct and send the request again. */
export type ValuesRemedy = 'INVALID_INPUT.values' | 'INVALID_INPUT.valuesResend';

const VALUES_REMEDIES: readonly ValuesRemedy[] = ['INVALID_INPUT.values', 'INVALID_INPUT.valuesResend'];

/**
 * The coded error for values a schema refused, each field in words: "These values are not accepted: password: at
 * least 12 characters." The issues are written in `locale` (the reader's, where the caller knows it), as the error
 * carries them already in words. `remedy` is one of the catalog's (a key, or its English text); another text is
 * kept as given, in English only.
 */
export function invalidValues(
  issues: readonly PlainIssue[],
  remedy: ValuesRemedy | string,
  details: Record<string, unknown> = {},
  locale: DisplayLocale = 'en',
): HicareError {
  const params = { issues: issuesSentence(issues, locale) };
  const known = VALUES_REMEDIES.find((key) => key === remedy || translate('en', `errors.${key}.remedy`) === remedy);
  if (known !== undefined) return new HicareError(known, params, { ...details, issues });
  // A remedy of the caller's own: English only, so the error keeps no key that would write another remedy over it.
  const { code, message } = new HicareError('INVALID_INPUT.values', params).toBody();
  return HicareError.fromBody({ code, message, remedy, details: { ...details, issues } });
}
