/**
 * Lifecycle of a remote-guidance service request. Every rule lives in one transition table so that the portal's
 * enforcement, the app's buttons and the tests cannot drift apart: everything else here is derived from it.
 */
import { HicareError } from '../errors.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { selectKey, selectKeyOfList } from '../i18n/select-key.js';
import { translate } from '../i18n/translator.js';

export const REQUEST_STATES = [
  'submitted',
  'accepted',
  'in-progress',
  'awaiting-customer',
  'solution-proposed',
  'confirmed',
  'closed',
  'cancelled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const ROLES = ['customer-admin', 'it-staff', 'engineer', 'portal-admin'] as const;
export type Role = (typeof ROLES)[number];

/** 'system' is not a role anyone can hold: it is the portal itself (auto-accept policy, automatic closure). */
export type Actor = Role | 'system';

export const REQUEST_ACTIONS = [
  'accept',
  'start-work',
  'ask-customer',
  'customer-reply',
  'propose-solution',
  'reject-solution',
  'confirm',
  'close',
  'cancel',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

interface Transition {
  readonly action: RequestAction;
  readonly from: readonly RequestState[];
  readonly to: RequestState;
  readonly actors: readonly Actor[];
}

// it-staff appears nowhere on purpose: that role only downloads updates and never acts on requests.
const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', actors: ['engineer', 'portal-admin', 'system'] },
  { action: 'start-work', from: ['accepted'], to: 'in-progress', actors: ['engineer'] },
  { action: 'ask-customer', from: ['in-progress'], to: 'awaiting-customer', actors: ['engineer'] },
  { action: 'customer-reply', from: ['awaiting-customer'], to: 'in-progress', actors: ['customer-admin'] },
  { action: 'propose-solution', from: ['in-progress'], to: 'solution-proposed', actors: ['engineer'] },
  // The customer tried the solution and it did not work: back to the engineer.
  { action: 'reject-solution', from: ['solution-proposed'], to: 'in-progress', actors: ['customer-admin'] },
  // Only the customer can vouch that the solution was effective.
  { action: 'confirm', from: ['solution-proposed'], to: 'confirmed', actors: ['customer-admin'] },
  { action: 'close', from: ['confirmed'], to: 'closed', actors: ['engineer', 'portal-admin', 'system'] },
  // Once a solution is on the table the request ends through confirm/close, not by walking away from it.
  {
    action: 'cancel',
    from: ['submitted', 'accepted', 'in-progress', 'awaiting-customer'],
    to: 'cancelled',
    actors: ['customer-admin', 'portal-admin'],
  },
];

interface Edge {
  readonly to: RequestState;
  readonly actors: readonly Actor[];
}

/** state → action → edge, in REQUEST_ACTIONS order so allowedActions() gives the UI a stable button order. */
const EDGES: ReadonlyMap<RequestState, ReadonlyMap<RequestAction, Edge>> = (() => {
  const byState = new Map<RequestState, Map<RequestAction, Edge>>(REQUEST_STATES.map((s) => [s, new Map()]));
  for (const action of REQUEST_ACTIONS) {
    for (const t of TRANSITIONS) {
      if (t.action !== action) continue;
      for (const from of t.from) {
        const out = byState.get(from);
        // Two rows for the same (state, action) would make the outcome depend on table order.
        if (out === undefined || out.has(action)) {
          throw new HicareError('INTERNAL.transitionTable', { state: from, action });
        }
        out.set(action, { to: t.to, actors: t.actors });
      }
    }
  }
  return byState;
})();

function edgesFrom(state: RequestState): ReadonlyMap<RequestAction, Edge> {
  return EDGES.get(state) ?? new Map<RequestAction, Edge>();
}

function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

export function assertRequestState(v: unknown): RequestState {
  if (isOneOf(REQUEST_STATES, v)) return v;
  throw new HicareError('UNKNOWN_REQUEST_STATE.value', { value: show(v) }, { value: v });
}

export function assertRole(v: unknown): Role {
  if (isOneOf(ROLES, v)) return v;
  throw new HicareError('UNKNOWN_ROLE.role', { value: show(v) }, { value: v });
}

/** Like assertRole, but also admits the portal acting on its own; still reports UNKNOWN_ROLE for anything else. */
export function assertActor(v: unknown): Actor {
  if (v === 'system' || isOneOf(ROLES, v)) return v;
  throw new HicareError('UNKNOWN_ROLE.actor', { value: show(v) }, { value: v });
}

function assertAction(v: unknown): RequestAction {
  if (isOneOf(REQUEST_ACTIONS, v)) return v;
  throw new HicareError(
    'INVALID_INPUT.requestAction',
    { value: show(v), actions: REQUEST_ACTIONS.join(', ') },
    { value: v },
  );
}

export function nextState(state: RequestState, action: RequestAction, actor: Actor): RequestState {
  const s = assertRequestState(state);
  const a = assertAction(action);
  const who = assertActor(actor);
  const out = edgesFrom(s);
  const edge = out.get(a);
  if (edge === undefined) {
    const possible = [...out.keys()];
    throw new HicareError(
      'ILLEGAL_TRANSITION.requestState',
      {
        action: a,
        state: selectKey(s),
        possible: possible.length === 0 ? 'none' : 'some',
        actions: possible.join(', '),
      },
      { state: s, action: a, possibleActions: possible },
    );
  }
  if (!edge.actors.includes(who)) {
    throw new HicareError(
      'ROLE_NOT_ALLOWED.requestAction',
      { action: a, state: selectKey(s), actor: selectKey(who), mayAct: selectKeyOfList(edge.actors) },
      { state: s, action: a, actor: who, allowedActors: [...edge.actors] },
    );
  }
  return edge.to;
}

export function allowedActions(state: RequestState, actor: Actor): RequestAction[] {
  const s = assertRequestState(state);
  const who = assertActor(actor);
  return [...edgesFrom(s)].filter(([, edge]) => edge.actors.includes(who)).map(([action]) => action);
}

/** Terminal means nobody, not even the system, can move the request on. */
export function isTerminal(state: RequestState): boolean {
  return edgesFrom(assertRequestState(state)).size === 0;
}

/** The satisfaction survey is about a solved case, so a cancelled request gets none, and nobody answers twice. */
export function canAnswerSurvey(state: RequestState, alreadyAnswered: boolean): boolean {
  const s = assertRequestState(state);
  if (typeof alreadyAnswered !== 'boolean') {
    throw new HicareError('INVALID_INPUT.surveyAnswered', {}, { value: alreadyAnswered });
  }
  return s === 'closed' && !alreadyAnswered;
}

/** The conversation is between the customer and the engineer; a finished request is read-only. */
export function canMessage(state: RequestState, actor: Actor): boolean {
  const s = assertRequestState(state);
  const who = assertActor(actor);
  if (isTerminal(s)) return false;
  // An engineer speaks for the TAC only once it has accepted the request: the response time runs from acceptance.
  return who === 'customer-admin' || (who === 'engineer' && s !== 'submitted');
}

export interface RequestDraftFields {
  serialNumber?: string;
  location?: string;
  faultDescription?: string;
}

export type RequiredField = 'serialNumber' | 'location' | 'faultDescription';

const REQUIRED_FIELDS: readonly RequiredField[] = ['serialNumber', 'location', 'faultDescription'];

/** Blank counts as missing because a form submits empty strings, not absent keys. */
export function missingRequiredFields(d: RequestDraftFields): RequiredField[] {
  if (typeof d !== 'object' || d === null) {
    throw new HicareError('INVALID_INPUT.requestFields', {}, { value: d });
  }
  const missing: RequiredField[] = [];
  for (const field of REQUIRED_FIELDS) {
    const v: unknown = d[field];
    if (v === undefined || v === null) {
      missing.push(field);
    } else if (typeof v !== 'string') {
      throw new HicareError('INVALID_INPUT.requestFieldText', { field }, { field, value: v });
    } else if (v.trim() === '') {
      missing.push(field);
    }
  }
  return missing;
}

export function assertRequiredFields(d: RequestDraftFields): void {
  const missing = missingRequiredFields(d);
  if (missing.length === 0) return;
  // The fields in form order, run together as one select key: `serialNumberLocation`.
  const fields = selectKeyOfList(REQUIRED_FIELDS.filter((f) => missing.includes(f)));
  throw new HicareError('REQUEST_FIELD_MISSING.fields', { fields }, { fields: missing });
}

/** Where a request stands, in a sentence for the person following it, in `locale`. */
export function describeState(state: RequestState, locale: DisplayLocale = 'en'): string {
  return translate(locale, `domain.requestState.describe.${assertRequestState(state)}`);
}

/** Who may open a request: the customer's administrator. IT staff only download; the vendor's people answer requests. */
export const REQUEST_OPENERS = ['customer-admin'] as const satisfies readonly Role[];

export function mayOpenRequests(role: Role): boolean {
  return (REQUEST_OPENERS as readonly Role[]).includes(role);
}

/**
 * Refuses, in the words of the person's job (never the role's identifier), an account that may not open requests:
 * the desktop asks this before it queues anything, so nothing waits in the outbox that the portal will refuse.
 */
export function assertMayOpenRequests(role: Role): void {
  if (mayOpenRequests(role)) return;
  throw new HicareError(
    role === 'it-staff' ? 'ROLE_NOT_ALLOWED.openRequestsItStaff' : 'ROLE_NOT_ALLOWED.openRequestsVendor',
    {},
    { role },
  );
}
