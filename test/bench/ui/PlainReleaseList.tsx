/**
 * The reference the windowed list is measured against: the same rows (the app's ReleaseRow, its CSS classes and
 * row height) in a scroller of the same size, but every row in the DOM, as a list without windowing would be.
 */
import type { Tier } from '../../../shared/domain/contract.js';
import type { Candidate } from '../../../renderer/src/screens/systems/CandidateCard.js';
import {
  RELEASE_LIST_MAX_HEIGHT,
  RELEASE_ROW_HEIGHT,
  ReleaseRow,
} from '../../../renderer/src/screens/systems/ReleaseRows.js';

export function PlainReleaseList({
  candidates,
  serialNumber,
  tierOf,
}: {
  candidates: readonly Candidate[];
  serialNumber: string;
  installed: string | null;
  tierOf: (id: string | null) => Tier | undefined;
}) {
  return (
    <div
      className="vlist"
      style={{ height: Math.min(RELEASE_LIST_MAX_HEIGHT, candidates.length * RELEASE_ROW_HEIGHT) }}
      data-testid="release-rows"
      data-rendered-rows={candidates.length}
      tabIndex={0}
    >
      <div role="list" aria-label={`All ${candidates.length} releases for ${serialNumber}`}>
        {candidates.map((c, i) => (
          <div
            role="listitem"
            aria-setsize={candidates.length}
            aria-posinset={i + 1}
            key={c.target.name}
            className="vrow"
            style={{ height: RELEASE_ROW_HEIGHT }}
          >
            <ReleaseRow
              candidate={c}
              serialNumber={serialNumber}
              tier={tierOf(c.verdict.contractId)}
              installed={null}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
