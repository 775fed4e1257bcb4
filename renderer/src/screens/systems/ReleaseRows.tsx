/** Every release offered for a system as compact windowed rows: a product with thousands of builds stays smooth. */
import type { Tier } from '../../../../shared/domain/contract.js';
import { Badge } from '../../components/Badge.js';
import { VirtualList } from '../../components/VirtualList.js';
import { formatBytes, formatDateTime } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { kindLabel, verdictWords } from '../../lib/verdict-words.js';
import type { Candidate } from './CandidateCard.js';

export function ReleaseRows({ candidates, serialNumber, tierOf }: { candidates: readonly Candidate[]; serialNumber: string; tierOf: (id: string | null) => Tier | undefined }) {
  return (
    <VirtualList
      items={candidates}
      rowHeight={44}
      height={Math.min(440, candidates.length * 44)}
      label={`All ${candidates.length} releases for ${serialNumber}`}
      testId="release-rows"
      rowKey={(c) => c.target.name}
      renderRow={(c) => {
        const words = verdictWords(c.verdict, tierOf(c.verdict.contractId));
        return (
          <div className="release-row">
            <strong>{c.target.custom.version}</strong>
            <span className="muted small">{kindLabel(c.verdict.kind)}</span>
            <Badge tone={words.tone}>{words.headline}</Badge>
            <span className="muted small">
              {c.target.custom.platform}-{c.target.custom.arch} · {formatBytes(c.target.length)} · {formatDateTime(c.target.custom.publishedAt)}
            </span>
            {c.verdict.allowed && (
              <a href={hrefOf({ name: 'install', serialNumber, targetName: c.target.name })} aria-label={`Install ${c.target.custom.version} on ${serialNumber}`}>
                Install
              </a>
            )}
          </div>
        );
      }}
    />
  );
}
