/**
 * A banner on the system when its major line is past end of maintenance or nearing (or past) end of service, with
 * the date and the upgrade that leaves the line: the newest generally available release of a later major.
 */
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import { lineNotice, lineNoticeWords } from '../../../../shared/domain/line-notice.js';
import { compareVersions, isPrerelease, majorOf } from '../../../../shared/domain/release.js';
import { formatCalendarDate, productLabel } from '../../lib/format.js';

function leavingUpgrade(resolution: ResolutionView, major: number): string | null {
  let newest: string | null = null;
  for (const c of resolution.upgrades) {
    const v = c.target.custom.version;
    if (isPrerelease(v) || majorOf(v) <= major) continue;
    if (newest === null || compareVersions(v, newest) > 0) newest = v;
  }
  return newest === null ? null : `${productLabel(resolution.system.product)} ${newest}`;
}

export function LineBanner({ resolution, now }: { resolution: ResolutionView; now: Date }) {
  const { line } = resolution;
  if (line === null) return null;
  let notice;
  try {
    const { endOfMaintenance, endOfService, ...dates } = line;
    notice = lineNotice({ ...dates, ...(endOfMaintenance === undefined ? {} : { endOfMaintenance }), ...(endOfService === undefined ? {} : { endOfService }) }, now);
  } catch {
    return null; // a lifecycle the catalog got wrong says nothing rather than something false
  }
  if (notice === null) return null;
  const name = `${productLabel(line.product)} ${line.major}.x`;
  const words = lineNoticeWords(notice, name, leavingUpgrade(resolution, line.major), formatCalendarDate);
  const tone = notice.kind === 'past-end-of-maintenance' ? 'notice-warn' : 'notice-error';
  return (
    <p className={`notice ${tone}`} role="status" data-testid="line-banner">
      {words}
    </p>
  );
}
