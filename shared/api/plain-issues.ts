/**
 * A schema's refusal in a person's words, field by field ("password: at least 12 characters"), for the portal's error
 * body, the app's validation errors and the CLI alike. zod's own phrasing ("Too big: expected number to be <=72",
 * "Invalid input: expected string, received undefined") never reaches a user: it is replaced while parsing, and a
 * message a schema wrote itself ("letters, digits, "-" and "_" only") is kept, since it was written for people.
 */
import type { z } from 'zod';
import { HicareError } from '../errors.js';

export interface PlainIssue {
  /** Dotted path of the field ("grant.password"); empty for the value as a whole. */
  path: string;
  message: string;
}

type RawIssue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  object: 'a group of fields',
  array: 'a list',
  date: 'a date',
  bigint: 'a whole number',
};

function quoted(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  return shown.length <= 1 ? (shown[0] ?? 'nothing') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) ?? ''}`;
}

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, side: 'least' | 'most'): string {
  const n = Number(limit);
  const exclusive = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      return `at ${side} ${exclusive ? (side === 'least' ? n + 1 : n - 1) : n} characters`;
    case 'array':
    case 'set':
      return `at ${side} ${exclusive ? (side === 'least' ? n + 1 : n - 1) : n} items`;
    case 'file':
      return `at ${side} ${n} bytes`;
    default:
      return exclusive ? `${side === 'least' ? 'more' : 'less'} than ${n}` : `at ${side} ${n}`;
  }
}

/** The words for one issue; used as zod's error map while parsing, so only issues without a message of their own get them. */
export function plainIssueWords(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `must be ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'must not be empty'
        : bound(issue, issue.minimum, 'least');
    case 'too_big':
      return bound(issue, issue.maximum, 'most');
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values)}` : `must be one of ${quoted(issue.values)}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'is not in the expected form'
        : `must be ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`;
    case 'unrecognized_keys':
      return `${quoted(issue.keys)} ${issue.keys.length === 1 ? 'is' : 'are'} not accepted here`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'is not one of the accepted forms';
    case 'invalid_key':
    case 'invalid_element':
      return 'holds a value that is not accepted';
    default:
      return 'is not accepted';
  }
}

const FORMATS: Record<string, string> = {
  url: 'a web address (https://…)',
  email: 'an e-mail address',
  datetime: 'a date and time (2026-03-01T12:00:00Z)',
  date: 'a date (YYYY-MM-DD)',
  uuid: 'an id',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

/** Parses with plain words for every issue a schema did not word itself. */
export function safeParsePlain<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(value, { error: (issue) => plainIssueWords(issue as RawIssue) });
}

export function plainIssues(error: z.ZodError, prefix: readonly string[] = []): PlainIssue[] {
  return error.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/** "password: at least 12 characters; scope: must be one of …" — at most three, the rest counted. */
export function issuesSentence(issues: readonly PlainIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** The coded error for values a schema refused, each field in words: "These values are not accepted: password: at least 12 characters." */
export function invalidValues(
  issues: readonly PlainIssue[],
  remedy: string,
  details: Record<string, unknown> = {},
): HicareError {
  return new HicareError('INVALID_INPUT', `These values are not accepted: ${issuesSentence(issues)}.`, remedy, {
    ...details,
    issues,
  });
}
