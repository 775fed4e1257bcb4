/**
 * The assistant: a question in the user's words, answered with the best passages of the articles and accepted
 * answers, each with its source. When it did not help (or nothing answers), a customer admin turns the question and
 * what was shown into a P4 request draft; others are told their admin can.
 */
import { useId, useState, type FormEvent } from 'react';
import type { KbAnswer } from '../../../../shared/contracts/selfhelp/kb.js';
import { mayOpenRequests } from '../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { navigate } from '../../state/hooks.js';
import { useAction } from '../../state/use-action.js';
import { useSession } from '../../state/session.js';
import { Highlighted } from '../../selfhelp/Highlighted.js';
import { sourceHref } from '../../selfhelp/links.js';
import { keepDraft } from '../../selfhelp/request-draft.js';
import { selfHelpCall } from '../../selfhelp/selfhelp-call.js';
import { CodedNotice, SourceBadge } from './parts.js';
import { SelfHelpTabs } from './SelfHelpTabs.js';

function OpenRequest({ question, answer }: { question: string; answer: KbAnswer }) {
  const { t } = useT();
  const { role } = useSession();
  if (role === null || !mayOpenRequests(role))
    return (
      <p className="muted" data-testid="ask-admin-hint">
        {t('app.selfhelp.ask.adminOpens')}
      </p>
    );
  const open = () => {
    const key = keepDraft({
      question,
      shown: answer.passages.map((p) => ({
        title: p.heading === null ? p.title : `${p.title} — ${p.heading}`,
        href: sourceHref(p),
      })),
    });
    navigate(hrefOf({ name: 'request-question', draftKey: key }));
  };
  return (
    <button type="button" className="secondary" onClick={open} data-testid="ask-open-request">
      {t('app.selfhelp.ask.openRequest')}
    </button>
  );
}

export function AskScreen({ q }: { q?: string | undefined }) {
  const { t } = useT();
  const id = useId();
  const [question, setQuestion] = useState(q ?? '');
  const [answered, setAnswered] = useState<{ question: string; answer: KbAnswer } | null>(null);
  const ask = useAction((text: string) => selfHelpCall('kbAsk', { body: { question: text } }), {
    onDone: (answer, text) => setAnswered({ question: text, answer }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAnswered(null);
    void ask.run(question);
  };

  return (
    <div className="screen" data-testid="selfhelp-ask">
      <SelfHelpTabs current="ask" />
      <form className="card" onSubmit={submit}>
        <label htmlFor={`${id}-question`} className="field">
          <span>{t('app.selfhelp.ask.label')}</span>
          <textarea
            id={`${id}-question`}
            rows={3}
            value={question}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setQuestion(e.target.value)}
            data-testid="ask-input"
          />
        </label>
        <p id={`${id}-hint`} className="hint">
          {t('app.selfhelp.ask.hint')}
        </p>
        <button type="submit" disabled={ask.busy} data-testid="ask-submit">
          {ask.busy ? t('app.selfhelp.ask.asking') : t('app.selfhelp.ask.submit')}
        </button>
      </form>
      {ask.error !== null &&
        (ask.error.code === 'INVALID_INPUT' || ask.error.code === 'RATE_LIMITED' ? (
          <CodedNotice error={ask.error} testId="ask-refused" />
        ) : (
          <ErrorNotice error={ask.error} />
        ))}
      {answered !== null && (
        <section className="card" aria-labelledby={`${id}-answer`} data-testid="ask-answer">
          <h2 id={`${id}-answer`}>{t('app.selfhelp.ask.answerHeading')}</h2>
          {!answered.answer.answered && (
            <p className="notice notice-info" data-testid="ask-unanswered">
              {t('app.selfhelp.ask.unanswered')}
            </p>
          )}
          {answered.answer.passages.length > 0 && (
            <ol className="kb-passages">
              {answered.answer.passages.map((p) => (
                <li key={`${p.source}:${p.id}:${p.anchor ?? ''}`} data-testid="ask-passage" data-id={p.id}>
                  <h3>
                    <a href={sourceHref(p)}>{p.title}</a>
                  </h3>
                  <p className="kb-hit-meta">
                    <SourceBadge source={p.source} kind={null} />
                    {p.heading !== null && <span className="small"> {p.heading}</span>}
                  </p>
                  <blockquote className="kb-snippet">
                    <Highlighted runs={p.text} />
                  </blockquote>
                </li>
              ))}
            </ol>
          )}
          <OpenRequest question={answered.question} answer={answered.answer} />
        </section>
      )}
    </div>
  );
}
