/**
 * The solutions proposed on a request: the one waiting for the customer under "Proposed solution" (shown above the
 * confirm and reject buttons), and the earlier rounds with how they ended — rejected ones with the customer's reason.
 */
import type { Attachment, Solution } from '../../../../shared/contracts/requests.js';
import { formatDateTime } from '../../lib/format.js';

function Paragraphs({ text }: { text: string }) {
  return (
    <div className="article-body">
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}

function fileOf(solution: Solution, attachments: readonly Attachment[]): string | null {
  if (solution.attachmentId === null) return null;
  return attachments.find((a) => a.id === solution.attachmentId)?.fileName ?? null;
}

export function ProposedSolution({
  solutions,
  attachments,
  forCustomer = true,
}: {
  solutions: readonly Solution[];
  attachments: readonly Attachment[];
  forCustomer?: boolean;
}) {
  const pending = solutions.find((s) => s.outcome === 'pending');
  if (pending === undefined) return null;
  const file = fileOf(pending, attachments);
  return (
    <section
      className="card proposed-solution"
      data-testid="proposed-solution"
      aria-labelledby="proposed-solution-title"
    >
      <h3 id="proposed-solution-title">Proposed solution</h3>
      <p className="muted small">
        Proposed {formatDateTime(pending.proposedAt)}.
        {forCustomer
          ? ' Try it, then confirm that it works or reject it and say why.'
          : ' Waiting for the customer to try it.'}
      </p>
      <Paragraphs text={pending.text} />
      {file !== null && <p className="small">With the attached file {file} (under Diagnostics).</p>}
    </section>
  );
}

export function SolutionHistory({ solutions }: { solutions: readonly Solution[] }) {
  const decided = solutions.filter((s) => s.outcome !== 'pending');
  if (decided.length === 0) return null;
  return (
    <ol className="solution-history" data-testid="solution-history">
      {decided.map((s) => (
        <li key={s.id} data-outcome={s.outcome}>
          <p className="small">
            <strong>Solution {s.round}</strong>, proposed {formatDateTime(s.proposedAt)}:{' '}
            {s.outcome === 'confirmed'
              ? `confirmed ${formatDateTime(s.decidedAt)}`
              : `rejected ${formatDateTime(s.decidedAt)}`}
          </p>
          <Paragraphs text={s.text} />
          {s.outcome === 'rejected' && (
            <p data-testid="rejection-reason">
              <span className="muted">Why it did not work:</span> {s.rejectionReason ?? ''}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
