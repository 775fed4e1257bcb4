/** Words of the domain rules: version ranges, product lines, roles, request states and refused values. */
import type { Messages } from '../../messages.js';

const LEAVE =
  '{leave, select, upgrade {The upgrade to {upgrade} leaves it.} other {Plan the upgrade to a newer major version.}}';

export const domain = {
  /** A version range read as the versions it allows; `{major}` is a major version number. */
  range: {
    anyVersion: 'any version',
    noVersion: 'no version',
    exactly: '{version}',
    orEarlier: '{version} or earlier',
    before: 'any version before {version}',
    orLater: '{version} or later',
    after: 'any version after {version}',
    orLaterUpTo: '{low} or later up to {high}',
    orLaterBefore: '{low} or later, before {high}',
    afterUpTo: 'any version after {low} up to {high}',
    afterBefore: 'any version after {low}, before {high}',
    orLaterInMajor: '{version} or a later {major}.x',
    afterInMajor: 'any {major}.x after {version}',
    oneMajor: 'any {from}.x',
    twoMajors: 'any {from}.x or {to}.x',
    majors: 'any {from}.x to {to}.x',
    majorUpTo: 'any {major}.x up to {version}',
    majorBefore: 'any {major}.x before {version}',
    /** The parts of a range: all but the last are joined with `separator`, the last one with `either`. */
    separator: ', ',
    either: '{first}, or {last}',
  },
  /** A product line's notice; dates come already written, `{line}` is "Atlas 2.x". */
  /** A major earned by taking an upgrade: `{sinceDate}` is the day (YYYY-MM-DD), `{serial}` the system that took it. */
  licence: { earned: '{licence}, since {sinceDate} ({serial})' },
  lineNotice: {
    pastEndOfService: `{line} reached its end of service on {endOfService}: it is no longer serviced. ${LEAVE}`,
    nearingEndOfService: `{line} reaches its end of service on {endOfService} ({days, plural, =0 {today} one {in # day} other {in # days}}).{maintenance, select, yes { It has had no new updates since {endOfMaintenance}.} other {}} ${LEAVE}`,
    pastEndOfMaintenance: `{line} reached its end of maintenance on {endOfMaintenance}: it gets no new updates{service, select, yes {, and its service ends on {endOfService}} other {}}. ${LEAVE}`,
  },
  role: {
    name: {
      'customer-admin': 'Customer administrator',
      'it-staff': 'IT staff',
      engineer: 'Support engineer',
      'portal-admin': 'Portal administrator',
    },
    account:
      '{role, select, customerAdmin {a customer administrator account} itStaff {an IT staff account} engineer {a support engineer account} portalAdmin {a portal administrator account} other {an account}}',
    accountCapital:
      '{role, select, customerAdmin {A customer administrator account} itStaff {An IT staff account} engineer {A support engineer account} portalAdmin {A portal administrator account} other {An account}}',
  },
  requestState: {
    describe: {
      submitted: 'Submitted and waiting for an engineer to accept it.',
      accepted: 'Accepted; an engineer will start work on it soon.',
      'in-progress': 'An engineer is working on it.',
      'awaiting-customer': 'The engineer is waiting for an answer from the customer.',
      'solution-proposed': 'A solution has been proposed and is waiting for the customer to try it.',
      confirmed: 'The customer confirmed the solution works; the request will be closed.',
      closed: 'Closed.',
      cancelled: 'Cancelled.',
    },
  },
  /** What is wrong with one value of a form, a flag or a call; `{n}` is a limit. */
  issue: {
    required: 'required',
    mustBe:
      'must be {kind, select, string {text} number {a number} int {a whole number} boolean {yes or no} object {a group of fields} array {a list} date {a date} bigint {a whole number} other {{kind}}}',
    notEmpty: 'must not be empty',
    atLeastCharacters: 'at least {n} characters',
    atMostCharacters: 'at most {n} characters',
    atLeastItems: 'at least {n} items',
    atMostItems: 'at most {n} items',
    atLeastBytes: 'at least {n} bytes',
    atMostBytes: 'at most {n} bytes',
    atLeast: 'at least {n}',
    atMost: 'at most {n}',
    moreThan: 'more than {n}',
    lessThan: 'less than {n}',
    value: 'must be {values}',
    oneOf: 'must be one of {values}',
    nothing: 'nothing',
    pattern: 'is not in the expected form',
    format:
      'must be {format, select, url {a web address (https://…)} email {an e-mail address} datetime {a date and time (2026-03-01T12:00:00Z)} date {a date (YYYY-MM-DD)} uuid {an id} ipv4 {an IPv4 address} ipv6 {an IPv6 address} other {a valid {format}}}',
    unrecognizedKeys: '{keys} {count, plural, one {is} other {are}} not accepted here',
    multipleOf: 'must be a multiple of {divisor}',
    union: 'is not one of the accepted forms',
    element: 'holds a value that is not accepted',
    other: 'is not accepted',
    /** One field's issue, and the issues of several fields as one list. */
    field: '{path}: {words}',
    separator: '; ',
    more: '{issues}; and {count} more',
  },
} satisfies Messages;
