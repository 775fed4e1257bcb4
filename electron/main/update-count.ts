/**
 * How the shell learns how many releases are available, for the tray and the notifications: the app session's
 * `updates.available` announcements (background checks), and the user's own checks in the window, which show a
 * count the user has now seen (so the tray does not keep an old number after updates were installed).
 */
import type { EventPayload } from '../../shared/api/define.js';
import type { AppApi } from '../../shared/contracts/app-api.js';
import type { ResolutionView } from '../../shared/contracts/app-views.js';
import type { AppHandlers } from '../core/app/handler-types.js';
import type { AppEmit } from '../core/app/app-session.js';

/** How many releases the user may take, over every system of a check's result. */
export function allowedInViews(resolutions: readonly ResolutionView[]): number {
  let count = 0;
  for (const r of resolutions) for (const c of [...r.updates, ...r.upgrades]) if (c.verdict.allowed) count++;
  return count;
}

/** The session's events go to the windows as before; `updates.available` also goes to `announced`. */
export function withUpdateAnnouncements(toWindows: AppEmit, announced: (count: number) => void): AppEmit {
  return (event, payload) => {
    toWindows(event, payload);
    if (event === 'updates.available') announced((payload as EventPayload<AppApi, 'updates.available'>).count);
  };
}

/** The same handlers; a successful `updates.check` also reports the count it showed the user to `seen`. */
export function withUserChecks(handlers: AppHandlers, seen: (count: number) => void): AppHandlers {
  const check = handlers['updates.check'];
  return {
    ...handlers,
    'updates.check': async (args, ctx) => {
      const result = await check(args, ctx);
      seen(allowedInViews(result.resolutions));
      return result;
    },
  };
}
