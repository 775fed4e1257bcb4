import { describe, it, expect } from 'vitest';
import { HicareError, type ErrorCode } from '../../../shared/errors.js';
import {
  REQUEST_ACTIONS,
  REQUEST_STATES,
  ROLES,
  allowedActions,
  assertActor,
  assertMayOpenRequests,
  mayOpenRequests,
  assertRequestState,
  assertRequiredFields,
  assertRole,
  canAnswerSurvey,
  canMessage,
  describeState,
  isTerminal,
  missingRequiredFields,
  nextState,
  type Actor,
  type RequestAction,
  type RequestDraftFields,
  type RequestState,
} from '../../../shared/domain/request-state.js';

const ACTORS: readonly Actor[] = [...ROLES, 'system'];

// The specification written out independently of the module, so the cross product checks the module against it.
const SPEC: ReadonlyArray<readonly [RequestState, RequestAction, RequestState, readonly Actor[]]> = [
  ['submitted', 'accept', 'accepted', ['engineer', 'portal-admin', 'system']],
  ['accepted', 'start-work', 'in-progress', ['engineer']],
  ['in-progress', 'ask-customer', 'awaiting-customer', ['engineer']],
  ['awaiting-customer', 'customer-reply', 'in-progress', ['customer-admin']],
  ['in-progress', 'propose-solution', 'solution-proposed', ['engineer']],
  ['solution-proposed', 'reject-solution', 'in-progress', ['customer-admin']],
  ['solution-proposed', 'confirm', 'confirmed', ['customer-admin']],
  ['confirmed', 'close', 'closed', ['engineer', 'portal-admin', 'system']],
  ['submitted', 'cancel', 'cancelled', ['customer-admin', 'portal-admin']],
  ['accepted', 'cancel', 'cancelled', ['customer-admin', 'portal-admin']],
  ['in-progress', 'cancel', 'cancelled', ['customer-admin', 'portal-admin']],
  ['awaiting-customer', 'cancel', 'cancelled', ['customer-admin', 'portal-admin']],
];

const ALLOWED = SPEC.flatMap(([from, action, to, actors]) => actors.map((actor) => [from, action, actor, to] as const));

function specFor(state: RequestState, action: RequestAction) {
  return SPEC.find(([s, a]) => s === state && a === action);
}

type Outcome = RequestState | 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED';

const CROSS: Array<[RequestState, RequestAction, Actor, Outcome]> = REQUEST_STATES.flatMap((state) =>
  REQUEST_ACTIONS.flatMap((action) =>
    ACTORS.map((actor): [RequestState, RequestAction, Actor, Outcome] => {
      const row = specFor(state, action);
      if (row === undefined) return [state, action, actor, 'ILLEGAL_TRANSITION'];
      return [state, action, actor, row[3].includes(actor) ? row[2] : 'ROLE_NOT_ALLOWED'];
    }),
  ),
);

function caught(fn: () => unknown): HicareError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HicareError);
    return e as HicareError;
  }
  throw new Error('expected a HicareError, nothing was thrown');
}

function codeOf(fn: () => unknown): ErrorCode {
  return caught(fn).code;
}

function walk(start: RequestState, steps: ReadonlyArray<readonly [RequestAction, Actor]>): RequestState[] {
  const seen: RequestState[] = [start];
  let s = start;
  for (const [action, actor] of steps) {
    s = nextState(s, action, actor);
    seen.push(s);
  }
  return seen;
}

describe('nextState: allowed transitions', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(nextState(from, action, actor)).toBe(to);
  });
});

describe('nextState: full cross product of states × actions × actors', () => {
  it('covers every triple', () => {
    expect(CROSS).toHaveLength(REQUEST_STATES.length * REQUEST_ACTIONS.length * ACTORS.length);
    expect(CROSS.filter(([, , , o]) => o !== 'ILLEGAL_TRANSITION' && o !== 'ROLE_NOT_ALLOWED')).toHaveLength(
      ALLOWED.length,
    );
  });

  it.each(CROSS)('%s / %s / %s → %s', (state, action, actor, outcome) => {
    if (outcome === 'ILLEGAL_TRANSITION' || outcome === 'ROLE_NOT_ALLOWED') {
      const err = caught(() => nextState(state, action, actor));
      expect(err.code).toBe(outcome);
      if (outcome === 'ROLE_NOT_ALLOWED') {
        expect(err.details?.['allowedActors']).toEqual(specFor(state, action)?.[3]);
      } else {
        const possible = SPEC.filter(([s]) => s === state).map(([, a]) => a);
        expect(new Set(err.details?.['possibleActions'] as RequestAction[])).toEqual(new Set(possible));
        expect(err.message).toContain(state);
        for (const a of possible) expect(err.message).toContain(a);
        expect(err.remedy.length).toBeGreaterThan(0);
      }
    } else {
      expect(nextState(state, action, actor)).toBe(outcome);
    }
  });

  it.each(REQUEST_STATES.flatMap((s) => ACTORS.map((a) => [s, a] as const)))(
    'allowedActions(%s, %s) matches the spec',
    (state, actor) => {
      const expected = REQUEST_ACTIONS.filter((action) => specFor(state, action)?.[3].includes(actor) === true);
      expect(allowedActions(state, actor)).toEqual(expected);
    },
  );
});

describe('illegal transition messages', () => {
  it('tells the customer to wait for a proposal when confirming too early', () => {
    const err = caught(() => nextState('in-progress', 'confirm', 'customer-admin'));
    expect(err.message).toMatch(/in-progress/);
    expect(err.message).toMatch(/ask-customer, propose-solution, cancel/);
    expect(err.remedy).toMatch(/wait for the engineer to propose a solution/i);
  });

  it('says nothing more can be done on a terminal request', () => {
    const err = caught(() => nextState('closed', 'cancel', 'customer-admin'));
    expect(err.code).toBe('ILLEGAL_TRANSITION');
    expect(err.message).toMatch(/nothing more/);
    expect(err.details?.['possibleActions']).toEqual([]);
  });

  it('names the roles that may act when the role is wrong', () => {
    const err = caught(() => nextState('submitted', 'accept', 'customer-admin'));
    expect(err.code).toBe('ROLE_NOT_ALLOWED');
    expect(err.message).toMatch(/engineer/);
    expect(err.details).toMatchObject({ state: 'submitted', action: 'accept', actor: 'customer-admin' });
  });
});

describe('paths through the lifecycle', () => {
  it('happy path submitted → … → closed', () => {
    expect(
      walk('submitted', [
        ['accept', 'system'],
        ['start-work', 'engineer'],
        ['ask-customer', 'engineer'],
        ['customer-reply', 'customer-admin'],
        ['propose-solution', 'engineer'],
        ['confirm', 'customer-admin'],
        ['close', 'system'],
      ]),
    ).toEqual([
      'submitted',
      'accepted',
      'in-progress',
      'awaiting-customer',
      'in-progress',
      'solution-proposed',
      'confirmed',
      'closed',
    ]);
  });

  it('rejection loop returns to in-progress until a solution is confirmed', () => {
    const trail = walk('in-progress', [
      ['propose-solution', 'engineer'],
      ['reject-solution', 'customer-admin'],
      ['propose-solution', 'engineer'],
      ['reject-solution', 'customer-admin'],
      ['propose-solution', 'engineer'],
      ['confirm', 'customer-admin'],
      ['close', 'portal-admin'],
    ]);
    expect(trail).toEqual([
      'in-progress',
      'solution-proposed',
      'in-progress',
      'solution-proposed',
      'in-progress',
      'solution-proposed',
      'confirmed',
      'closed',
    ]);
  });
});

describe('cancel', () => {
  const cancellable: RequestState[] = ['submitted', 'accepted', 'in-progress', 'awaiting-customer'];

  it.each(REQUEST_STATES.map((s) => [s, cancellable.includes(s)] as const))('from %s cancellable=%s', (state, ok) => {
    for (const actor of ['customer-admin', 'portal-admin'] as const) {
      if (ok) expect(nextState(state, 'cancel', actor)).toBe('cancelled');
      else expect(codeOf(() => nextState(state, 'cancel', actor))).toBe('ILLEGAL_TRANSITION');
    }
    if (ok) {
      for (const actor of ['engineer', 'it-staff', 'system'] as const) {
        expect(codeOf(() => nextState(state, 'cancel', actor))).toBe('ROLE_NOT_ALLOWED');
      }
    }
  });
});

describe('it-staff', () => {
  it.each(REQUEST_STATES)('has no actions in %s', (state) => {
    expect(allowedActions(state, 'it-staff')).toEqual([]);
    for (const action of REQUEST_ACTIONS) {
      expect(['ILLEGAL_TRANSITION', 'ROLE_NOT_ALLOWED']).toContain(codeOf(() => nextState(state, action, 'it-staff')));
    }
  });

  it('is told its account is download-only', () => {
    expect(caught(() => nextState('solution-proposed', 'confirm', 'it-staff')).remedy).toMatch(/download/);
  });
});

describe('isTerminal and describeState', () => {
  it.each(REQUEST_STATES.map((s) => [s, s === 'closed' || s === 'cancelled'] as const))(
    '%s terminal=%s',
    (state, terminal) => {
      expect(isTerminal(state)).toBe(terminal);
      expect(describeState(state)).toMatch(/^[A-Z].*\.$/);
    },
  );

  it('gives every state its own description', () => {
    expect(new Set(REQUEST_STATES.map((s) => describeState(s))).size).toBe(REQUEST_STATES.length);
  });
});

describe('canAnswerSurvey', () => {
  it.each(
    REQUEST_STATES.flatMap((s) => [false, true].map((answered) => [s, answered, s === 'closed' && !answered] as const)),
  )('%s answered=%s → %s', (state, answered, expected) => {
    expect(canAnswerSurvey(state, answered)).toBe(expected);
  });
});

describe('canMessage', () => {
  const talkers: Actor[] = ['customer-admin', 'engineer'];
  const engineerBeforeAcceptance = (s: string, a: Actor) => a === 'engineer' && s === 'submitted';
  it.each(
    REQUEST_STATES.flatMap((s) =>
      ACTORS.map(
        (a) =>
          [
            s,
            a,
            talkers.includes(a) && s !== 'closed' && s !== 'cancelled' && !engineerBeforeAcceptance(s, a),
          ] as const,
      ),
    ),
  )('%s by %s → %s', (state, actor, expected) => {
    expect(canMessage(state, actor)).toBe(expected);
  });
});

describe('required fields', () => {
  const full = { serialNumber: 'SN-12345', location: 'Ward 3, room 12', faultDescription: 'Console freezes on boot.' };
  const words = {
    serialNumber: 'serial number of the equipment',
    location: 'equipment location',
    faultDescription: 'description of the fault',
  } as const;
  const fields = ['serialNumber', 'location', 'faultDescription'] as const;

  it('accepts a complete draft', () => {
    expect(missingRequiredFields(full)).toEqual([]);
    expect(() => assertRequiredFields(full)).not.toThrow();
  });

  it.each(fields.flatMap((f) => [undefined, '', '   \t\n'].map((v) => [f, JSON.stringify(v) ?? 'absent', v] as const)))(
    '%s missing when %s',
    (field, _label, value) => {
      const draft: RequestDraftFields = { ...full };
      if (value === undefined) delete draft[field];
      else draft[field] = value;
      expect(missingRequiredFields(draft)).toEqual([field]);
      const err = caught(() => assertRequiredFields(draft));
      expect(err.code).toBe('REQUEST_FIELD_MISSING');
      expect(err.details?.['fields']).toEqual([field]);
      expect(err.message).toContain(words[field]);
    },
  );

  it('lists every missing field in plain words', () => {
    expect(missingRequiredFields({})).toEqual([...fields]);
    const err = caught(() => assertRequiredFields({ location: ' ' }));
    expect(err.details?.['fields']).toEqual([...fields]);
    expect(err.message).toBe(
      'The request is missing the serial number of the equipment, the equipment location and the description of the fault.',
    );
  });

  it.each([null, 'text', 42])('rejects a non-object draft %s', (draft) => {
    expect(codeOf(() => missingRequiredFields(draft as unknown as RequestDraftFields))).toBe('INVALID_INPUT');
  });

  it('rejects a non-text field value', () => {
    expect(codeOf(() => assertRequiredFields({ ...full, serialNumber: 12345 } as unknown as RequestDraftFields))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('bad input', () => {
  const junk: unknown[] = ['Closed', 'open', '', 42, null, undefined, true, {}, ['submitted']];
  const asAny = <T>(v: unknown) => v as T;

  it.each(junk.map((v) => [String(JSON.stringify(v)), v] as const))('state %s → UNKNOWN_REQUEST_STATE', (_l, v) => {
    expect(codeOf(() => assertRequestState(v))).toBe('UNKNOWN_REQUEST_STATE');
    expect(codeOf(() => nextState(asAny(v), 'accept', 'engineer'))).toBe('UNKNOWN_REQUEST_STATE');
    expect(codeOf(() => allowedActions(asAny(v), 'engineer'))).toBe('UNKNOWN_REQUEST_STATE');
    expect(codeOf(() => isTerminal(asAny(v)))).toBe('UNKNOWN_REQUEST_STATE');
    expect(codeOf(() => canAnswerSurvey(asAny(v), false))).toBe('UNKNOWN_REQUEST_STATE');
    expect(codeOf(() => canMessage(asAny(v), 'engineer'))).toBe('UNKNOWN_REQUEST_STATE');
    expect(codeOf(() => describeState(asAny(v)))).toBe('UNKNOWN_REQUEST_STATE');
  });

  it.each([...junk, 'admin', 'Engineer'].map((v) => [String(JSON.stringify(v)), v] as const))(
    'actor %s → UNKNOWN_ROLE',
    (_l, v) => {
      expect(codeOf(() => assertRole(v))).toBe('UNKNOWN_ROLE');
      expect(codeOf(() => assertActor(v))).toBe('UNKNOWN_ROLE');
      expect(codeOf(() => nextState('submitted', 'accept', asAny(v)))).toBe('UNKNOWN_ROLE');
      expect(codeOf(() => allowedActions('submitted', asAny(v)))).toBe('UNKNOWN_ROLE');
      expect(codeOf(() => canMessage('submitted', asAny(v)))).toBe('UNKNOWN_ROLE');
    },
  );

  it("accepts 'system' as an actor but not as a role", () => {
    expect(assertActor('system')).toBe('system');
    expect(codeOf(() => assertRole('system'))).toBe('UNKNOWN_ROLE');
    for (const r of ROLES) {
      expect(assertRole(r)).toBe(r);
      expect(assertActor(r)).toBe(r);
    }
  });

  it.each([...junk, 'approve', 'Accept'].map((v) => [String(JSON.stringify(v)), v] as const))(
    'action %s → INVALID_INPUT',
    (_l, v) => {
      expect(codeOf(() => nextState('submitted', asAny(v), 'engineer'))).toBe('INVALID_INPUT');
    },
  );

  it.each([undefined, null, 'false', 0])('survey flag %s → INVALID_INPUT', (v) => {
    expect(codeOf(() => canAnswerSurvey('closed', asAny(v)))).toBe('INVALID_INPUT');
  });
});

describe('who may open a request', () => {
  it.each<[(typeof ROLES)[number], boolean, RegExp | null]>([
    ['customer-admin', true, null],
    ['it-staff', false, /^IT staff accounts cannot open service requests\.$/],
    ['engineer', false, /^Vendor accounts cannot open service requests\.$/],
    ['portal-admin', false, /^Vendor accounts cannot open service requests\.$/],
  ])('%s: %s', (role, may, message) => {
    expect(mayOpenRequests(role)).toBe(may);
    if (message === null) return expect(() => assertMayOpenRequests(role)).not.toThrow();
    try {
      assertMayOpenRequests(role);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'ROLE_NOT_ALLOWED',
        message: expect.stringMatching(message),
        remedy: expect.stringMatching(/\S/),
      });
      // The role's identifier never reaches a sentence.
      expect(`${(error as HicareError).message} ${(error as HicareError).remedy}`).not.toMatch(
        /it-staff|portal-admin|customer-admin/,
      );
    }
  });
});
