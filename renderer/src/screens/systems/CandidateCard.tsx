/**
 * One release for one system: the verdict in plain words with its reasons and remedies, the upgrade path drawn,
 * the release notes and the line's lifecycle, and the Download / Install actions.
 */
import type { z } from 'zod';
import type { CandidateSchema } from '../../../../shared/contracts/app-views.js';
import type { Tier } from '../../../../shared/domain/contract.js';
import { rangeInWords } from '../../../../shared/domain/range-words.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import { Badge } from '../../components/Badge.js';
import { UpgradePathView } from '../../components/UpgradePathView.js';
import { useT } from '../../i18n/index.js';
import { formatBytes, formatDateTime, productLabel } from '../../lib/format.js';
import { needsPath, type PathView } from '../../lib/upgrade-path.js';
import { kindLabel, verdictWords } from '../../lib/verdict-words.js';
import { CandidateActions } from './CandidateActions.js';
import { codeWords, readMoreHref } from '../../selfhelp/read-more.js';
import { Lifecycle } from './Lifecycle.js';

export type Candidate = z.infer<typeof CandidateSchema>;

export interface CandidateCardProps {
  candidate: Candidate;
  serialNumber: string;
  installed: string | null;
  tier: Tier | undefined;
  path: PathView | null;
  today: string;
  recommended?: boolean;
}

export function CandidateCard({
  candidate,
  serialNumber,
  installed,
  tier,
  path,
  today,
  recommended = false,
}: CandidateCardProps) {
  const { t, locale } = useT();
  const { target, verdict } = candidate;
  const c = target.custom;
  const words = verdictWords(verdict, tier, t);
  const notes = c.notes.split(/\r?\n/).filter((l) => l.trim() !== '');
  // A release that would skip a hop is offered only as the path that leads there.
  const pathHops = needsPath(installed, c) && path?.ok === true ? path.steps.slice(1) : null;
  const id = `release-${target.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <article
      className={`card candidate candidate-${words.tone}`}
      aria-labelledby={id}
      data-testid={`candidate-${c.version}`}
    >
      <div className="card-head">
        <h4 id={id}>
          {t('app.systems.candidate.title', { product: productLabel(c.product), version: c.version })}
          {recommended && <span className="tag">{t('app.systems.candidate.recommended')}</span>}
        </h4>
        <Badge tone="neutral">{kindLabel(verdict.kind, t)}</Badge>
      </div>
      <p className="verdict" data-testid="verdict">
        <Badge tone={words.tone}>{words.headline}</Badge>
        <span className="muted small">
          {' '}
          {t('app.systems.candidate.build', {
            platform: c.platform,
            arch: c.arch,
            size: formatBytes(target.length),
            publishedAt: c.publishedAt,
          })}
        </span>
      </p>
      {candidate.withdrawn !== undefined && (
        <p className="notice notice-warn" role="note" data-testid="withdrawn-notice">
          {t('app.systems.candidate.withdrawnNotice', {
            withdrawnAt: formatDateTime(candidate.withdrawn.at),
            reason: candidate.withdrawn.reason,
            downloadedAt: formatDateTime(candidate.withdrawn.downloadedAt),
          })}
        </p>
      )}
      {verdict.reasons.length > 0 && (
        <ul className="reasons" data-testid="verdict-reasons">
          {verdict.reasons.map((r) => {
            // A reason that carries its catalog key is written in the language chosen now.
            const { message, remedy } = localizeProblem(locale, r);
            return (
              <li key={r.code}>
                {message} <span className="remedy">{t('app.systems.verdict.whatYouCanDo', { remedy })}</span>{' '}
                <a href={readMoreHref(c.product, codeWords(r.code))} data-testid="verdict-read-more">
                  {t('app.selfhelp.links.readMore')}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {path !== null && <UpgradePathView path={path} product={productLabel(c.product)} testId="upgrade-path" />}
      {c.minUpgradeFrom !== undefined && (
        <p className="small muted" data-testid="installs-over">
          {t('app.systems.candidate.installsOver', { range: rangeInWords(c.minUpgradeFrom, locale) })}
        </p>
      )}
      <details className="notes" open={recommended}>
        <summary>{t('app.systems.candidate.notes')}</summary>
        {notes.length === 0 ? (
          <p className="muted">{t('app.systems.candidate.noNotes')}</p>
        ) : (
          <ul data-testid="release-notes">
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </details>
      <div className="lifecycle-row">
        <span className="small muted">
          {t('app.systems.candidate.lifecycleOf', { major: c.version.split('.')[0] ?? '' })}
        </span>
        <Lifecycle lifecycle={c.lifecycle} today={today} />
      </div>
      <CandidateActions target={target} serialNumber={serialNumber} allowed={verdict.allowed} pathHops={pathHops} />
    </article>
  );
}
