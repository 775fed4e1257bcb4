/**
 * What the shell has to tell the user about this machine (no keychain, say) rides on the app's `app.info` answer,
 * which the window reads once when it opens and shows at the top; nothing is lost if the window opens late.
 */
import type { ErrorBody } from '../../shared/errors.js';
import type { AppHandlers } from '../core/app/handler-types.js';

export function withShellNotices(handlers: AppHandlers, notices: () => readonly ErrorBody[]): AppHandlers {
  const info = handlers['app.info'];
  return {
    ...handlers,
    'app.info': async (args, ctx) => {
      const answer = await info(args, ctx);
      const shown = notices();
      return shown.length === 0 ? answer : { ...answer, notices: [...(answer.notices ?? []), ...shown] };
    },
  };
}
