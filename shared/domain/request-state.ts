/**
 * Lifecycle of a remote-guidance service request. Every rule lives in one transition table so that the portal's
 * enforcement, the app's buttons and the tests cannot drift apart: everything else here is derived from it.
 */
import { HicareError, assertNever } from '../errors.js';

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
          throw new HicareError(
            'INTERNAL',
            `The request transition table is inconsistent at ${from}/${action}.`,
            'Report this to the vendor.',
          );
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
  const remedy = `Use one of: ${REQUEST_STATES.join(', ')}.`;
  throw new HicareError('UNKNOWN_REQUEST_STATE', `${show(v)} is not a service request state.`, remedy, { value: v });
}

export function assertRole(v: unknown): Role {
  if (isOneOf(ROLES, v)) return v;
  throw new HicareError('UNKNOWN_ROLE', `${show(v)} is not a user role.`, `Use one of: ${ROLES.join(', ')}.`, {
    value: v,
  });
}

/** Like assertRole, but also admits the portal acting on its own; still reports UNKNOWN_ROLE for anything else. */
export function assertActor(v: unknown): Actor {
  if (v === 'system' || isOneOf(ROLES, v)) return v;
  throw new HicareError(
    'UNKNOWN_ROLE',
    `${show(v)} is not a user role.`,
    `Use one of: ${ROLES.join(', ')}, or system.`,
    { value: v },
  );
}

function assertAction(v: unknown): RequestAction {
  if (isOneOf(REQUEST_ACTIONS, v)) return v;
  const remedy = `Use one of: ${REQUEST_ACTIONS.join(', ')}.`;
  throw new HicareError('INVALID_INPUT', `${show(v)} is not an action on a service request.`, remedy, { value: v });
}

function actorLabel(actor: Actor): string {
  switch (actor) {
    case 'customer-admin':
      return 'the customer administrator';
    case 'it-staff':
      return 'IT staff';
    case 'engineer':
      return 'an engineer';
    case 'portal-admin':
      return 'a portal administrator';
    case 'system':
      return 'the portal automatically';
    default:
      return assertNever(actor, 'actor');
  }
}

/** What the person who just hit an illegal action can do instead, given where the request stands. */
function whatToDoIn(state: RequestState): string {
  switch (state) {
    case 'submitted':
      return 'Wait for an engineer to accept the request.';
    case 'accepted':
      return 'Wait for the engineer to start work on the request.';
    case 'in-progress':
      return 'Wait for the engineer to propose a solution or to ask the customer for information.';
    case 'awaiting-customer':
      return "The customer administrator should reply to the engineer's question so work can continue.";
    case 'solution-proposed':
      return 'The customer administrator should confirm the proposed solution if it worked, or reject it if it did not.';
    case 'confirmed':
      return 'Wait for the request to be closed.';
    case 'closed':
      return 'The request is closed; open a new request if the problem comes back.';
    case 'cancelled':
      return 'The request was cancelled; open a new request if help is still needed.';
    default:
      return assertNever(state, 'request state');
  }
}

export function nextState(state: RequestState, action: RequestAction, actor: Actor): RequestState {
  const s = assertRequestState(state);
  const a = assertAction(action);
  const who = assertActor(actor);
  const out = edgesFrom(s);
  const edge = out.get(a);
  if (edge === undefined) {
    const possible = [...out.keys()];
    const tail =
      possible.length === 0
        ? `nothing more can be done with a ${s} request.`
        : `from ${s} the possible actions are: ${possible.join(', ')}.`;
    throw new HicareError(
      'ILLEGAL_TRANSITION',
      `"${a}" does not apply to a request that is ${s}; ${tail}`,
      whatToDoIn(s),
      {
        state: s,
        action: a,
        possibleActions: possible,
      },
    );
  }
  if (!edge.actors.includes(who)) {
    const mayAct = edge.actors.map(actorLabel).join(' or ');
    const remedy =
      who === 'it-staff'
        ? 'IT staff accounts can only download updates; ask the customer administrator to act on the request.'
        : `Ask ${mayAct} to do this.`;
    throw new HicareError(
      'ROLE_NOT_ALLOWED',
      `"${a}" on a ${s} request cannot be done by ${actorLabel(who)}; only ${mayAct} can.`,
      remedy,
      {
        state: s,
        action: a,
        actor: who,
        allowedActors: [...edge.actors],
      },
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
    throw new HicareError(
      'INVALID_INPUT',
      'Whether the survey was already answered must be true or false.',
      'Pass a boolean.',
      {
        value: alreadyAnswered,
      },
    );
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

const REQUIRED_FIELDS: ReadonlyArray<readonly [RequiredField, string]> = [
  ['serialNumber', 'serial number of the equipment'],
  ['location', 'equipment location'],
  ['faultDescription', 'description of the fault'],
];

/** Blank counts as missing because a form submits empty strings, not absent keys. */
export function missingRequiredFields(d: RequestDraftFields): RequiredField[] {
  if (typeof d !== 'object' || d === null) {
    throw new HicareError(
      'INVALID_INPUT',
      'The request fields must be an object.',
      'Pass the draft request as an object.',
      { value: d },
    );
  }
  const missing: RequiredField[] = [];
  for (const [field] of REQUIRED_FIELDS) {
    const v: unknown = d[field];
    if (v === undefined || v === null) {
      missing.push(field);
    } else if (typeof v !== 'string') {
      throw new HicareError('INVALID_INPUT', `The request field ${field} must be text.`, `Send ${field} as a string.`, {
        field,
        value: v,
      });
    } else if (v.trim() === '') {
      missing.push(field);
    }
  }
  return missing;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function assertRequiredFields(d: RequestDraftFields): void {
  const missing = missingRequiredFields(d);
  if (missing.length === 0) return;
  const words = REQUIRED_FIELDS.filter(([f]) => missing.includes(f)).map(([, w]) => `the ${w}`);
  throw new HicareError(
    'REQUEST_FIELD_MISSING',
    `The request is missing ${listInWords(words)}.`,
    'Fill in every required field before submitting the request.',
    { fields: missing },
  );
}

export function describeState(state: RequestState): string {
  const s = assertRequestState(state);
  switch (s) {
    case 'submitted':
      return 'Submitted and waiting for an engineer to accept it.';
    case 'accepted':
      return 'Accepted; an engineer will start work on it soon.';
    case 'in-progress':
      return 'An engineer is working on it.';
    case 'awaiting-customer':
      return 'The engineer is waiting for an answer from the customer.';
    case 'solution-proposed':
      return 'A solution has been proposed and is waiting for the customer to try it.';
    case 'confirmed':
      return 'The customer confirmed the solution works; the request will be closed.';
    case 'closed':
      return 'Closed.';
    case 'cancelled':
      return 'Cancelled.';
    default:
      return assertNever(s, 'request state');
  }
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
  const who = role === 'it-staff' ? 'IT staff accounts' : 'Vendor accounts';
  const remedy =
    role === 'it-staff'
      ? 'Ask your customer administrator to open the request, or sign in with a customer administrator account.'
      : 'The customer’s administrator opens requests; answer them from the engineer workspace.';
  throw new HicareError('ROLE_NOT_ALLOWED', `${who} cannot open service requests.`, remedy, { role });
}
