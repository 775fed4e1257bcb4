/**
 * A banner on the system when its major line is past end of maintenance or nearing (or past) end of service, with
 * the date and the upgrade that leaves the line: the newest generally available release of a later major.
 */
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import { lineNotice, lineNoticeWords } from '../../../../shared/domain/line-notice.js';
import { compareVersions, isPrerelease, majorOf } from '../../../../shared/domain/release.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import { useT } from '../../i18n/index.js';
import { formatCalendarDate, productLabel } from '../../lib/format.js';
import { readMoreHref } from '../../selfhelp/read-more.js';

type Candidate = ResolutionView['upgrades'][number];

function leavingUpgrade(resolution: ResolutionView, major: number): Candidate | null {
  let newest: Candidate | null = null;
  for (const c of resolution.upgrades) {
    const v = c.target.custom.version;
    if (isPrerelease(v) || majorOf(v) <= major) continue;
    if (newest === null || compareVersions(v, newest.target.custom.version) > 0) newest = c;
  }
  return newest;
}

export function LineBanner({ resolution, now }: { resolution: ResolutionView; now: Date }) {
  const { locale, t } = useT();
  const { line } = resolution;
  if (line === null) return null;
  let notice;
  try {
    const { endOfMaintenance, endOfService, ...dates } = line;
    notice = lineNotice(
      {
        ...dates,
        ...(endOfMaintenance === undefined ? {} : { endOfMaintenance }),
        ...(endOfService === undefined ? {} : { endOfService }),
      },
      now,
    );
  } catch {
    return null; // a lifecycle the catalog got wrong says nothing rather than something false
  }
  if (notice === null) return null;
  const name = `${productLabel(line.product)} ${line.major}.x`;
  const upgrade = leavingUpgrade(resolution, line.major);
  const upgradeName =
    upgrade === null ? null : `${productLabel(resolution.system.product)} ${upgrade.target.custom.version}`;
  const words = lineNoticeWords(notice, name, upgradeName, formatCalendarDate, locale);
  // An upgrade the contract does not include is named with what the customer can do about it.
  const reason = upgrade === null || upgrade.verdict.allowed ? undefined : upgrade.verdict.reasons[0];
  const remedy = reason === undefined ? null : localizeProblem(locale, reason).remedy;
  const tone = notice.kind === 'past-end-of-maintenance' ? 'notice-warn' : 'notice-error';
  return (
    <p className={`notice ${tone}`} role="status" data-testid="line-banner">
      {words}
      {remedy !== null && <span data-testid="line-banner-remedy"> {remedy}</span>}{' '}
      <a
        href={readMoreHref(
          line.product,
          t(
            notice.kind === 'past-end-of-maintenance'
              ? 'app.selfhelp.links.endOfMaintenanceWords'
              : 'app.selfhelp.links.endOfServiceWords',
          ),
        )}
        data-testid="line-banner-read-more"
      >
        {t('app.selfhelp.links.readMore')}
      </a>
    </p>
  );
}
