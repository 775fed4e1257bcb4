/** The app API's handler types, split by method group so each group's handlers live in their own file. */
import type { Handlers } from '../../../shared/api/define.js';
import type { AppApi } from '../../../shared/contracts/app-api.js';

export interface CallContext {
  /** Where the call came from (a frame URL or the web host's peer), for the logs. */
  origin: string;
}

export type AppHandlers = Handlers<AppApi, CallContext>;

/** The handlers of every method named `<group>.…`. */
export type AppHandlersFor<Group extends string> = Pick<AppHandlers, Extract<keyof AppHandlers, `${Group}.${string}`>>;
