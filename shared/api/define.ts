/**
 * Typed API declarations and what is derived from them: method and event names, channel names, the client a
 * renderer calls and the dispatcher a host runs. Transport-free: Electron IPC and the web host plug in below.
 */
import { type z } from 'zod';
import { HicareError, isHicareError, type ErrorBody } from '../errors.js';
import { ErrorBodySchema } from '../contracts/common.js';
import { invalidValues, plainIssues, safeParsePlain } from './plain-issues.js';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export interface ApiSpec {
  methods: Record<string, MethodSpec>;
  events: Record<string, z.ZodType>;
}

export function defineAppApi<const A extends ApiSpec>(api: A): A {
  return api;
}

export type MethodName<A extends ApiSpec> = keyof A['methods'] & string;
export type EventName<A extends ApiSpec> = keyof A['events'] & string;
export type MethodInput<A extends ApiSpec, M extends MethodName<A>> = z.input<A['methods'][M]['input']>;
export type MethodArgs<A extends ApiSpec, M extends MethodName<A>> = z.output<A['methods'][M]['input']>;
export type MethodOutput<A extends ApiSpec, M extends MethodName<A>> = z.output<A['methods'][M]['output']>;
export type EventPayload<A extends ApiSpec, E extends EventName<A>> = z.output<A['events'][E]>;

/** What crosses every transport: never a thrown Error (IPC would strip its code), always this envelope. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const IPC_PREFIX = 'hicare:';
export const EVENT_PREFIX = 'hicare-event:';

export function methodNames<A extends ApiSpec>(api: A): MethodName<A>[] {
  return Object.keys(api.methods) as MethodName<A>[];
}

export function eventNames<A extends ApiSpec>(api: A): EventName<A>[] {
  return Object.keys(api.events) as EventName<A>[];
}

export const methodChannel = (method: string): string => `${IPC_PREFIX}${method}`;
export const eventChannel = (event: string): string => `${EVENT_PREFIX}${event}`;

export type Handlers<A extends ApiSpec, Ctx> = {
  [M in MethodName<A>]: (args: MethodArgs<A, M>, ctx: Ctx) => Promise<MethodOutput<A, M>> | MethodOutput<A, M>;
};

export function toErrorBody(error: unknown): ErrorBody {
  return (isHicareError(error) ? error : new HicareError('INTERNAL.appWindow')).toBody();
}

/** The method's name stays in the details: it is the API's word, not the user's. */
function invalidInput(method: string, error: z.ZodError): HicareError {
  return invalidValues(plainIssues(error), 'INVALID_INPUT.values', { method });
}

/**
 * The host side: looks the method up, validates the raw argument, runs the handler and checks what it returns.
 * Every failure comes back as a coded envelope; nothing the caller sends can reach a handler unvalidated.
 */
export function createDispatcher<A extends ApiSpec, Ctx>(api: A, handlers: Handlers<A, Ctx>) {
  return async function dispatch(method: string, raw: unknown, ctx: Ctx): Promise<Envelope<unknown>> {
    try {
      if (!Object.hasOwn(api.methods, method)) {
        throw new HicareError('UNKNOWN_METHOD.method', { method }, { method });
      }
      const spec = api.methods[method] as MethodSpec;
      const parsed = safeParsePlain(spec.input, raw ?? {});
      if (!parsed.success) throw invalidInput(method, parsed.error);
      const handler = handlers[method as MethodName<A>] as (args: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  };
}

export type Dispatcher<Ctx> = ReturnType<typeof createDispatcher<ApiSpec, Ctx>>;

/** How a client reaches a host: Electron's preload bridge or HTTP + SSE in the web host. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export type ApiClient<A extends ApiSpec> = {
  call<M extends MethodName<A>>(method: M, input: MethodInput<A, M>): Promise<MethodOutput<A, M>>;
  on<E extends EventName<A>>(event: E, listener: (payload: EventPayload<A, E>) => void): () => void;
};

/** The renderer side: calls through a transport, unwraps the envelope and rethrows coded errors as HicareError. */
export function createClient<A extends ApiSpec>(api: A, transport: Transport): ApiClient<A> {
  return {
    async call(method, input) {
      const reply = (await transport.invoke(method, input)) as Envelope<unknown>;
      if (reply !== null && typeof reply === 'object' && 'ok' in reply) {
        if (reply.ok) {
          const value = api.methods[method]!.output.safeParse(reply.value);
          if (value.success) return value.data as never;
        } else {
          const body = ErrorBodySchema.safeParse(reply.error);
          // Passed on as the host wrote it, with its key, so the window can write it again in its own language.
          if (body.success) {
            const { key, params, details, ...text } = body.data;
            throw HicareError.fromBody({
              ...text,
              ...(key === undefined ? {} : { key }),
              ...(params === undefined ? {} : { params }),
              ...(details === undefined ? {} : { details }),
            });
          }
        }
      }
      throw new HicareError('INTERNAL.appAnswer', { method });
    },
    on(event, listener) {
      const schema = api.events[event]!;
      return transport.subscribe(event, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
      });
    },
  };
}

/** Validates an event before a host emits it, so a listener only ever sees what the contract promises. */
export function checkEvent<A extends ApiSpec, E extends EventName<A>>(
  api: A,
  event: E,
  payload: EventPayload<A, E>,
): EventPayload<A, E> {
  return api.events[event]!.parse(payload) as EventPayload<A, E>;
}
