/**
 * How the errors namespace is keyed: by error code, each with a `message` and a `remedy`, or with named variants
 * (`NOT_FOUND.request`) when one code is raised for different things. The key an error carries is that path.
 */
import type { ErrorCode } from '../errors.js';
import type { Messages } from './messages.js';

export type ErrorMessages = { readonly [C in ErrorCode]?: Messages };

type Variants<E> = Exclude<keyof E, 'message' | 'remedy'> & string;

/** `CODE` where the code has its own message, `CODE.variant` for each variant: every key the catalog can render. */
export type ErrorKeyOf<Errors> = {
  [C in keyof Errors & string]:
    (Errors[C] extends { message: string; remedy: string } ? C : never) | `${C}.${Variants<Errors[C]>}`;
}[keyof Errors & string];

/** The code an error key belongs to: the part before the first dot. */
export function codeOfKey<C extends string>(key: `${C}` | `${C}.${string}`): C {
  return key.split('.')[0] as C;
}
