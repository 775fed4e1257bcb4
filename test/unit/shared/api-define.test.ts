/** The typed API layer: what the dispatcher accepts and refuses, and what the client hands back to its caller. */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  createClient,
  createDispatcher,
  defineAppApi,
  eventChannel,
  eventNames,
  methodChannel,
  methodNames,
  type Envelope,
  type Transport,
} from '../../../shared/api/define.js';
import { HicareError } from '../../../shared/errors.js';

const testApi = defineAppApi({
  methods: {
    'greet.person': {
      input: z
        .object({
          name: z.string().min(1),
          times: z.number().int().min(1).max(3).optional(),
          address: z.object({ city: z.string() }).optional(),
        })
        .strict(),
      output: z.object({ text: z.string(), shouted: z.boolean().default(false) }),
    },
    ping: { input: z.object({}).strict(), output: z.literal('pong') },
  },
  events: {
    'counter.ticked': z.object({ n: z.number().int().min(0) }),
  },
});

interface Ctx {
  origin: string;
}

const CTX: Ctx = { origin: 'test' };

function setup(
  greet: (args: { name: string; times?: number | undefined }, ctx: Ctx) => unknown = (a) => ({
    text: `Hello ${a.name}`.repeat(a.times ?? 1),
  }),
) {
  const greetHandler = vi.fn(greet);
  const pingHandler = vi.fn(() => 'pong' as const);
  const dispatch = createDispatcher(testApi, {
    'greet.person': greetHandler as never,
    ping: pingHandler,
  });
  return { dispatch, greetHandler, pingHandler };
}

type ErrorEnvelope = Extract<Envelope<unknown>, { ok: false }>;

function expectError(reply: Envelope<unknown>, code: string): ErrorEnvelope['error'] {
  expect(reply.ok).toBe(false);
  const { error } = reply as ErrorEnvelope;
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.any(String));
  expect(error.remedy).toEqual(expect.any(String));
  return error;
}

describe('names and channels derived from the declaration', () => {
  it('lists the declared methods and events and prefixes their channels', () => {
    expect(methodNames(testApi)).toEqual(['greet.person', 'ping']);
    expect(eventNames(testApi)).toEqual(['counter.ticked']);
    expect(methodChannel('greet.person')).toBe('hicare:greet.person');
    expect(eventChannel('counter.ticked')).toBe('hicare-event:counter.ticked');
  });
});

describe('createDispatcher', () => {
  it('runs the handler with the parsed argument and the context, and returns its output', async () => {
    const { dispatch, greetHandler } = setup();
    const reply = await dispatch('greet.person', { name: 'Ada', times: 2 }, CTX);
    expect(reply).toEqual({ ok: true, value: { text: 'Hello AdaHello Ada', shouted: false } });
    expect(greetHandler).toHaveBeenCalledTimes(1);
    expect(greetHandler).toHaveBeenCalledWith({ name: 'Ada', times: 2 }, CTX);
  });

  it('treats a missing argument as an empty object', async () => {
    const { dispatch, pingHandler } = setup();
    expect(await dispatch('ping', undefined, CTX)).toEqual({ ok: true, value: 'pong' });
    expect(await dispatch('ping', null, CTX)).toEqual({ ok: true, value: 'pong' });
    expect(pingHandler).toHaveBeenCalledTimes(2);
  });

  it.each<[string, unknown, string]>([
    ['a field of the wrong type', { name: 42 }, 'name'],
    ['a nested field of the wrong type', { name: 'Ada', address: { city: 7 } }, 'address.city'],
    ['a value out of range', { name: 'Ada', times: 9 }, 'times'],
    ['a missing required field', {}, 'name'],
    ['an empty string where one is required', { name: '' }, 'name'],
  ])('refuses %s with INVALID_INPUT naming the field, without calling the handler', async (_what, input, path) => {
    const { dispatch, greetHandler } = setup();
    const error = expectError(await dispatch('greet.person', input, CTX), 'INVALID_INPUT');
    expect(error.details).toMatchObject({ method: 'greet.person' });
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toContain(path);
    // The field in plain words; the method is the API's word and stays in the details.
    expect(error.message).toMatch(new RegExp(`^These values are not accepted: .*${path.replace('.', '\\.')}: `));
    expect(error.message).not.toContain('greet.person');
    expect(error.message).not.toMatch(/Invalid input|Too big|Too small|expected .* received/);
    expect(greetHandler).not.toHaveBeenCalled();
  });

  it('refuses an unknown field under .strict() and names it', async () => {
    const { dispatch, greetHandler } = setup();
    const error = expectError(await dispatch('greet.person', { name: 'Ada', isAdmin: true }, CTX), 'INVALID_INPUT');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('isAdmin');
    expect(greetHandler).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['a string', 'Ada'],
    ['a number', 1],
    ['an array', [{ name: 'Ada' }]],
    ['true', true],
  ])('refuses %s where an object is expected', async (_what, input) => {
    const { dispatch, greetHandler } = setup();
    expectError(await dispatch('greet.person', input, CTX), 'INVALID_INPUT');
    expect(greetHandler).not.toHaveBeenCalled();
  });

  it.each(['greet.nobody', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'answers UNKNOWN_METHOD for %j',
    async (method) => {
      const { dispatch, greetHandler, pingHandler } = setup();
      const error = expectError(await dispatch(method, {}, CTX), 'UNKNOWN_METHOD');
      expect(error.details).toEqual({ method });
      expect(greetHandler).not.toHaveBeenCalled();
      expect(pingHandler).not.toHaveBeenCalled();
    },
  );

  it("passes a HicareError's code, message, remedy and details through", async () => {
    const { dispatch } = setup(() => {
      throw new HicareError('NOT_FOUND', {}, { name: 'Ada' });
    });
    const { message, remedy } = new HicareError('NOT_FOUND');
    expect(await dispatch('greet.person', { name: 'Ada' }, CTX)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'NOT_FOUND', message, remedy, details: { name: 'Ada' } },
    });
  });

  it('passes an async HicareError through as well', async () => {
    const { dispatch } = setup(async () => {
      await Promise.resolve();
      throw new HicareError('FORBIDDEN');
    });
    const { message, remedy } = new HicareError('FORBIDDEN');
    expect(await dispatch('greet.person', { name: 'Ada' }, CTX)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'FORBIDDEN', message, remedy },
    });
  });

  it('turns a plain Error into INTERNAL without leaking its message', async () => {
    const { dispatch } = setup(() => {
      throw new Error('ENOENT: /home/secret/db.sqlite password=hunter2');
    });
    const reply = await dispatch('greet.person', { name: 'Ada' }, CTX);
    const error = expectError(reply, 'INTERNAL');
    expect(JSON.stringify(reply)).not.toMatch(/hunter2|secret|ENOENT/);
    expect(error.details).toBeUndefined();
  });

  it('turns a thrown non-Error value into INTERNAL', async () => {
    const { dispatch } = setup(() => {
      throw 'a string with a secret';
    });
    const reply = await dispatch('greet.person', { name: 'Ada' }, CTX);
    expectError(reply, 'INTERNAL');
    expect(JSON.stringify(reply)).not.toContain('secret');
  });

  it('answers INTERNAL when the handler returns something that does not fit the output schema', async () => {
    const { dispatch } = setup(() => ({ text: 42, internalPath: '/srv/secret' }));
    const reply = await dispatch('greet.person', { name: 'Ada' }, CTX);
    expectError(reply, 'INTERNAL');
    expect(JSON.stringify(reply)).not.toContain('/srv/secret');
  });

  it('strips fields the output schema does not declare', async () => {
    const { dispatch } = setup(() => ({ text: 'hi', internalPath: '/srv/secret' }));
    expect(await dispatch('greet.person', { name: 'Ada' }, CTX)).toEqual({
      ok: true,
      value: { text: 'hi', shouted: false },
    });
  });
});

/** A transport whose replies and events the test controls. */
function scriptedTransport(reply: (method: string, input: unknown) => unknown) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (method: string, input: unknown) => reply(method, input));
  const unsubscribed: string[] = [];
  const transport: Transport = {
    invoke,
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        unsubscribed.push(event);
        set.delete(listener);
      };
    },
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const listenerCount = (event: string) => listeners.get(event)?.size ?? 0;
  return { transport, invoke, emit, listenerCount, unsubscribed };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('createClient', () => {
  it('round-trips through a dispatcher and returns the parsed value', async () => {
    const { dispatch } = setup();
    const client = createClient(testApi, { invoke: (m, i) => dispatch(m, i, CTX), subscribe: () => () => {} });
    await expect(client.call('greet.person', { name: 'Ada' })).resolves.toEqual({ text: 'Hello Ada', shouted: false });
    await expect(client.call('ping', {})).resolves.toBe('pong');
  });

  it('sends the method name and the input unchanged to the transport', async () => {
    const { transport, invoke } = scriptedTransport(() => ({ ok: true, value: 'pong' }));
    await createClient(testApi, transport).call('ping', {});
    expect(invoke).toHaveBeenCalledWith('ping', {});
  });

  it("parses the reply with the method's output schema (defaults applied, unknown fields dropped)", async () => {
    const { transport } = scriptedTransport(() => ({ ok: true, value: { text: 'hi', extra: 'dropped' } }));
    await expect(createClient(testApi, transport).call('greet.person', { name: 'Ada' })).resolves.toEqual({
      text: 'hi',
      shouted: false,
    });
  });

  it('rethrows a coded error as a HicareError with its code, message, remedy and details', async () => {
    const { transport } = scriptedTransport(() => ({
      ok: false,
      error: {
        code: 'CONTRACT_EXPIRED',
        message: 'Your contract ended.',
        remedy: 'Renew it.',
        details: { endedOn: '2024-12-31' },
      },
    }));
    const error = await caught(createClient(testApi, transport).call('greet.person', { name: 'Ada' }));
    expect(error).toBeInstanceOf(HicareError);
    expect(error).toBeInstanceOf(Error);
    const e = error as HicareError;
    expect(e.code).toBe('CONTRACT_EXPIRED');
    expect(e.message).toBe('Your contract ended.');
    expect(e.remedy).toBe('Renew it.');
    expect(e.details).toEqual({ endedOn: '2024-12-31' });
  });

  it('rethrows the INVALID_INPUT a real dispatcher produces', async () => {
    const { dispatch, greetHandler } = setup();
    const client = createClient(testApi, { invoke: (m, i) => dispatch(m, i, CTX), subscribe: () => () => {} });
    const error = await caught(client.call('greet.person', { name: 7 } as never));
    expect(error).toBeInstanceOf(HicareError);
    expect((error as HicareError).code).toBe('INVALID_INPUT');
    expect(greetHandler).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a bare string', 'pong'],
    ['an envelope without ok', { value: 'pong' }],
    ['an error with an unknown code', { ok: false, error: { code: 'TEAPOT', message: 'x', remedy: 'y' } }],
    ['an error without a remedy', { ok: false, error: { code: 'FORBIDDEN', message: 'x' } }],
    ['an error without a body', { ok: false }],
    ['a value that does not fit the output schema', { ok: true, value: { text: 42 } }],
  ])('answers INTERNAL (as a HicareError) for a reply that is %s', async (_what, reply) => {
    const { transport } = scriptedTransport(() => reply);
    const error = await caught(createClient(testApi, transport).call('greet.person', { name: 'Ada' }));
    expect(error).toBeInstanceOf(HicareError);
    expect((error as HicareError).code).toBe('INTERNAL');
    expect((error as HicareError).remedy).toEqual(expect.any(String));
  });

  it('delivers event payloads that fit the schema and drops those that do not', () => {
    const { transport, emit } = scriptedTransport(() => undefined);
    const listener = vi.fn();
    createClient(testApi, transport).on('counter.ticked', listener);
    emit('counter.ticked', { n: 1 });
    emit('counter.ticked', { n: -1 });
    emit('counter.ticked', { n: 'two' });
    emit('counter.ticked', null);
    emit('counter.ticked', 'n=3');
    emit('counter.ticked', { n: 4, extra: 'stripped' });
    expect(listener.mock.calls).toEqual([[{ n: 1 }], [{ n: 4 }]]);
  });

  it('unsubscribes through the transport and then receives nothing more', () => {
    const { transport, emit, listenerCount, unsubscribed } = scriptedTransport(() => undefined);
    const listener = vi.fn();
    const off = createClient(testApi, transport).on('counter.ticked', listener);
    expect(listenerCount('counter.ticked')).toBe(1);
    emit('counter.ticked', { n: 1 });
    off();
    expect(unsubscribed).toEqual(['counter.ticked']);
    expect(listenerCount('counter.ticked')).toBe(0);
    emit('counter.ticked', { n: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
