/** Every release offered for a system as compact windowed rows: a product with thousands of builds stays smooth. */
import type { Tier } from '../../../../shared/domain/contract.js';
import { Badge } from '../../components/Badge.js';
import { VirtualList } from '../../components/VirtualList.js';
import { useT } from '../../i18n/index.js';
import { formatBytes } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { needsPath } from '../../lib/upgrade-path.js';
import { kindLabel, verdictWords } from '../../lib/verdict-words.js';
import type { Candidate } from './CandidateCard.js';

/** Rows have one fixed height (the windowing relies on it); ten are in view at most. */
export const RELEASE_ROW_HEIGHT = 44;
export const RELEASE_LIST_MAX_HEIGHT = 440;

export interface ReleaseRowProps {
  candidate: Candidate;
  serialNumber: string;
  tier: Tier | undefined;
  installed: string | null;
}

/** One release on one line: version, kind, verdict, build and the Install link when the contract allows it. */
export function ReleaseRow({ candidate, serialNumber, tier, installed }: ReleaseRowProps) {
  const { t } = useT();
  const { target, verdict } = candidate;
  const c = target.custom;
  const words = verdictWords(verdict, tier, t);
  return (
    <div className="release-row">
      <strong>{c.version}</strong>
      <span className="muted small">{kindLabel(verdict.kind, t)}</span>
      <Badge tone={words.tone}>{words.headline}</Badge>
      {/* One string, so one text node: JSX pieces would make seven, each laid out anew as the row scrolls in. */}
      <span className="muted small">
        {t('app.systems.candidate.row', {
          platform: c.platform,
          arch: c.arch,
          size: formatBytes(target.length),
          publishedAt: c.publishedAt,
        })}
      </span>
      {verdict.allowed &&
        (needsPath(installed, c) ? (
          <a
            href={hrefOf({ name: 'upgrade', serialNumber, version: c.version })}
            aria-label={t('app.systems.actions.installPathLabel', { version: c.version, serialNumber })}
          >
            {t('app.systems.actions.installPath')}
          </a>
        ) : (
          <a
            href={hrefOf({ name: 'install', serialNumber, targetName: target.name })}
            aria-label={t('app.systems.actions.installVersionLabel', { version: c.version, serialNumber })}
          >
            {t('app.systems.actions.install')}
          </a>
        ))}
    </div>
  );
}

export function ReleaseRows({
  candidates,
  serialNumber,
  installed,
  tierOf,
}: {
  candidates: readonly Candidate[];
  serialNumber: string;
  installed: string | null;
  tierOf: (id: string | null) => Tier | undefined;
}) {
  const { t } = useT();
  return (
    <VirtualList
      items={candidates}
      rowHeight={RELEASE_ROW_HEIGHT}
      height={Math.min(RELEASE_LIST_MAX_HEIGHT, candidates.length * RELEASE_ROW_HEIGHT)}
      label={t('app.systems.detail.allReleasesFor', { count: candidates.length, serialNumber })}
      testId="release-rows"
      rowKey={(c) => c.target.name}
      renderRow={(c) => (
        <ReleaseRow
          candidate={c}
          serialNumber={serialNumber}
          tier={tierOf(c.verdict.contractId)}
          installed={installed}
        />
      )}
    />
  );
}
