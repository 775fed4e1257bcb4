/** The satisfaction survey after closure: a rating from 1 to 5 and a comment, once per request. */
import { useId, useState, type FormEvent } from 'react';
import { SurveySchema } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import {
  FieldMessage,
  fieldAttributes,
  focusFirstProblem,
  hasProblems,
  type Problems,
} from '../../components/FieldMessage.js';
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { fieldProblem } from './field-words.js';

type Field = 'rating' | 'comment';

const RATINGS = [1, 2, 3, 4, 5] as const;
const COMMENT_MAX = SurveySchema.shape.comment.unwrap().maxLength ?? Infinity;

export function SurveyForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useT();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problems<Field>>({});
  const sending = useAction(
    (survey: { rating: number; comment: string }) => api.call('requests.survey', { id, survey }),
    { onDone },
  );
  const { busy, error } = sending;
  const base = useId();
  // The rating's problem describes the group; the keyboard goes to its first choice.
  const idOf = (f: Field | 'first-rating') => `${base}-${f}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    sending.reset();
    const found: Problems<Field> = {
      rating: rating === null ? t('app.requests.survey.chooseRating') : undefined,
      // Sent as typed: the comment's limit counts every character.
      comment: fieldProblem(t, 'comment', comment, { max: COMMENT_MAX, trimmed: false }),
    };
    setProblems(found);
    if (hasProblems(found) || rating === null) {
      focusFirstProblem(['rating', 'comment'], found, (f) => idOf(f === 'rating' ? 'first-rating' : f));
      return;
    }
    await sending.run({ rating, comment });
  }

  const ratingAttributes = fieldAttributes(idOf('rating'), problems.rating);
  return (
    <form onSubmit={submit} className="form wide" data-testid="survey-form" noValidate>
      <fieldset
        className="rating"
        role="radiogroup"
        aria-invalid={ratingAttributes['aria-invalid']}
        aria-describedby={ratingAttributes['aria-describedby']}
      >
        <legend>{t('app.requests.survey.legend')}</legend>
        {RATINGS.map((n) => (
          <label key={n} className="rating-option">
            <input
              type="radio"
              name="rating"
              id={n === 1 ? idOf('first-rating') : undefined}
              value={n}
              checked={rating === n}
              onChange={() => {
                setRating(n);
                setProblems((p) => ({ ...p, rating: undefined }));
              }}
            />
            <span>
              {n} <span className="muted small">{t(`app.requests.survey.rating.${n}`)}</span>
            </span>
          </label>
        ))}
        <FieldMessage fieldId={idOf('rating')} problem={problems.rating} />
      </fieldset>
      <div className="field">
        <label>
          {t('app.requests.survey.comment')}
          <textarea
            name="comment"
            rows={3}
            {...fieldAttributes(idOf('comment'), problems.comment)}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setProblems((p) => ({ ...p, comment: undefined }));
            }}
          />
        </label>
        <FieldMessage fieldId={idOf('comment')} problem={problems.comment} />
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('app.requests.survey.sending') : t('app.requests.survey.send')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
