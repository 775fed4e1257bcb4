/**
 * One community thread: the question, its answers (accepted first, then verified), and what the reader may do with
 * them — answer; accept an answer to their own question; verify one (the vendor's engineers); hide or show a post
 * again with a reason (the vendor's administrators). Every refusal is shown with its code, message and remedy.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type {
  CommunityAnswer,
  CommunityQuestion,
  CommunityThread,
} from '../../../../shared/contracts/selfhelp/community.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Markdown } from '../../components/Markdown.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { authorWords } from '../../selfhelp/author-words.js';
import { selfHelpCall } from '../../selfhelp/selfhelp-call.js';
import { useSelfHelp } from '../../selfhelp/use-selfhelp.js';
import { useAction } from '../../state/use-action.js';
import { useSession } from '../../state/session.js';
import { StateBadge } from './CommunityScreen.js';
import { CodedNotice, productAndVersion } from './parts.js';

type Post = { post: 'questions' | 'answers'; id: string };

/** Hide (with a reason) or show again: the vendor's administrators only. */
function Moderation({
  target,
  hidden,
  onThread,
}: {
  target: Post;
  hidden: boolean;
  onThread: (thread: CommunityThread) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const act = useAction(
    () =>
      hidden
        ? selfHelpCall('communityUnhide', { params: target })
        : selfHelpCall('communityHide', { params: target, body: { reason } }),
    { onDone: onThread },
  );
  return (
    <div className="moderation">
      {!hidden && (
        <label htmlFor={`${id}-reason`} className="field">
          <span>{t('app.selfhelp.thread.hideReason')}</span>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <button
        type="button"
        className="secondary"
        disabled={act.busy}
        onClick={() => void act.run()}
        data-testid={hidden ? 'unhide' : 'hide'}
      >
        {hidden ? t('app.selfhelp.thread.unhide') : t('app.selfhelp.thread.hide')}
      </button>
      {act.error !== null && <CodedNotice error={act.error} testId="moderation-refused" />}
    </div>
  );
}

function HiddenNote({ hidden }: { hidden: CommunityQuestion['hidden'] }) {
  const { t } = useT();
  if (hidden === null) return null;
  return (
    <p className="notice notice-warn small" data-testid="hidden-note">
      {t('app.selfhelp.thread.hiddenNote', { date: formatDateTime(hidden.at), reason: hidden.reason })}
    </p>
  );
}

function Answer({
  answer,
  question,
  onThread,
}: {
  answer: CommunityAnswer;
  question: CommunityQuestion;
  onThread: (thread: CommunityThread) => void;
}) {
  const { t } = useT();
  const { role } = useSession();
  const accept = useAction(() => selfHelpCall('communityAccept', { params: { id: answer.id } }), {
    onDone: onThread,
  });
  const verify = useAction(() => selfHelpCall('communityVerify', { params: { id: answer.id } }), {
    onDone: onThread,
  });
  const mayAccept = question.author.mine && !answer.author.mine && !answer.accepted;
  const mayVerify = (role === 'engineer' || role === 'portal-admin') && answer.verified === null;
  return (
    <li className="card community-answer" data-testid="community-answer" data-id={answer.id}>
      <p className="kb-hit-meta">
        <strong>{authorWords(answer.author, t)}</strong>{' '}
        <span className="muted small">{formatDateTime(answer.createdAt)}</span>{' '}
        {answer.accepted && (
          <Badge tone="ok" testId="accepted-badge">
            {t('app.selfhelp.thread.accepted')}
          </Badge>
        )}{' '}
        {answer.verified !== null && (
          <Badge tone="info" testId="verified-badge">
            {t('app.selfhelp.thread.verified', { by: answer.verified.by })}
          </Badge>
        )}
      </p>
      <HiddenNote hidden={answer.hidden} />
      <Markdown source={answer.body} />
      <div className="row-actions">
        {mayAccept && (
          <button type="button" disabled={accept.busy} onClick={() => void accept.run()} data-testid="accept">
            {t('app.selfhelp.thread.accept')}
          </button>
        )}
        {mayVerify && (
          <button type="button" disabled={verify.busy} onClick={() => void verify.run()} data-testid="verify">
            {t('app.selfhelp.thread.verify')}
          </button>
        )}
      </div>
      {accept.error !== null && <CodedNotice error={accept.error} testId="accept-refused" />}
      {verify.error !== null && <CodedNotice error={verify.error} testId="verify-refused" />}
      {role === 'portal-admin' && (
        <Moderation target={{ post: 'answers', id: answer.id }} hidden={answer.hidden !== null} onThread={onThread} />
      )}
    </li>
  );
}

function AnswerForm({ questionId, onThread }: { questionId: string; onThread: (thread: CommunityThread) => void }) {
  const { t } = useT();
  const { role } = useSession();
  const id = useId();
  const [body, setBody] = useState('');
  const [showCompany, setShowCompany] = useState(false);
  // One key per answer being written: a retried send posts it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const post = useAction(
    () =>
      selfHelpCall('communityAnswer', { params: { id: questionId }, body: { body, showCompany }, idempotencyKey: key }),
    {
      onDone: (thread) => {
        setBody('');
        setKey(crypto.randomUUID());
        onThread(thread);
      },
    },
  );
  const customer = role === 'customer-admin' || role === 'it-staff';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void post.run();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-heading`} data-testid="answer-form">
      <h2 id={`${id}-heading`}>{t('app.selfhelp.thread.answerHeading')}</h2>
      <label htmlFor={`${id}-body`} className="field">
        <span>{t('app.selfhelp.thread.answerLabel')}</span>
        <textarea id={`${id}-body`} rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      {customer && (
        <label className="inline">
          <input type="checkbox" checked={showCompany} onChange={(e) => setShowCompany(e.target.checked)} />{' '}
          {t('app.selfhelp.form.showCompany')}
        </label>
      )}
      {customer && (
        <p className="hint">
          {showCompany ? t('app.selfhelp.form.othersSeeCompany') : t('app.selfhelp.form.othersSeeCustomer')}
        </p>
      )}
      <button type="submit" disabled={post.busy} data-testid="answer-submit">
        {post.busy ? t('app.selfhelp.thread.posting') : t('app.selfhelp.thread.post')}
      </button>
      {post.error !== null && <CodedNotice error={post.error} testId="answer-refused" />}
    </form>
  );
}

export function QuestionScreen({ id }: { id: string }) {
  const { t } = useT();
  const { role } = useSession();
  const thread = useSelfHelp('communityQuestion', { params: { id } }, id);
  const onThread = thread.set;
  const question = thread.data?.question;
  const answers = useMemo(() => thread.data?.answers ?? [], [thread.data]);
  return (
    <div className="screen" data-testid="selfhelp-question">
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'selfhelp-community' })}>{t('app.selfhelp.tabs.community')}</a> /{' '}
        {t('app.selfhelp.thread.crumb')}
      </p>
      {thread.loading && thread.data === null && <Pending what={t('app.selfhelp.thread.pending')} />}
      {thread.error !== null &&
        (thread.error.code === 'NOT_FOUND' ? (
          <CodedNotice error={thread.error} testId="question-not-found" />
        ) : (
          <ErrorNotice error={thread.error} />
        ))}
      {question !== undefined && (
        <article className="card" aria-labelledby="community-question-title" data-testid="community-thread">
          <h2 id="community-question-title" className="screen-title">
            {question.title}
          </h2>
          <p className="kb-hit-meta">
            <StateBadge state={question.state} />{' '}
            <span className="muted small">
              {t('app.selfhelp.thread.asked', {
                author: authorWords(question.author, t),
                product: productAndVersion(question.product, question.version),
                date: formatDateTime(question.createdAt),
              })}
            </span>
          </p>
          <HiddenNote hidden={question.hidden} />
          <Markdown source={question.body} />
          {role === 'portal-admin' && (
            <Moderation
              target={{ post: 'questions', id: question.id }}
              hidden={question.hidden !== null}
              onThread={onThread}
            />
          )}
        </article>
      )}
      {question !== undefined && (
        <section aria-labelledby="community-answers">
          <h2 id="community-answers">{t('app.selfhelp.thread.answers', { count: answers.length })}</h2>
          {answers.length === 0 && <p className="muted">{t('app.selfhelp.thread.noAnswers')}</p>}
          <ol className="community-answers">
            {answers.map((a) => (
              <Answer key={a.id} answer={a} question={question} onThread={onThread} />
            ))}
          </ol>
        </section>
      )}
      {question !== undefined && <AnswerForm questionId={question.id} onThread={onThread} />}
    </div>
  );
}
