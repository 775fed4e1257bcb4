/**
 * The solutions proposed on a request: the one waiting for the customer under "Proposed solution" (shown above the
 * confirm and reject buttons), and the earlier rounds with how they ended — rejected ones with the customer's reason.
 */
import type { Attachment, Solution } from '../../../../shared/contracts/requests.js';
import { useT } from '../../i18n/index.js';
import { sentences } from './field-words.js';

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
  const { t, locale } = useT();
  const pending = solutions.find((s) => s.outcome === 'pending');
  if (pending === undefined) return null;
  const file = fileOf(pending, attachments);
  return (
    <section
      className="card proposed-solution"
      data-testid="proposed-solution"
      aria-labelledby="proposed-solution-title"
    >
      <h3 id="proposed-solution-title">{t('app.requests.solution.proposed')}</h3>
      <p className="muted small">
        {sentences(locale, [
          t('app.requests.solution.proposedAt', { proposedAt: pending.proposedAt }),
          forCustomer ? t('app.requests.solution.tryIt') : t('app.requests.solution.waiting'),
        ])}
      </p>
      <Paragraphs text={pending.text} />
      {file !== null && <p className="small">{t('app.requests.solution.file', { file })}</p>}
    </section>
  );
}

export function SolutionHistory({ solutions }: { solutions: readonly Solution[] }) {
  const { t } = useT();
  const decided = solutions.filter((s) => s.outcome !== 'pending');
  if (decided.length === 0) return null;
  return (
    <ol className="solution-history" data-testid="solution-history">
      {decided.map((s) => (
        <li key={s.id} data-outcome={s.outcome}>
          <p className="small">
            {t(s.outcome === 'confirmed' ? 'app.requests.solution.confirmed' : 'app.requests.solution.rejected', {
              round: s.round,
              proposedAt: s.proposedAt,
              decidedAt: s.decidedAt ?? '—',
            })}
          </p>
          <Paragraphs text={s.text} />
          {s.outcome === 'rejected' && (
            <p data-testid="rejection-reason">
              <span className="muted">{t('app.requests.solution.why')}</span> {s.rejectionReason ?? ''}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
