/** The satisfaction survey after closure: a rating from 1 to 5 and a comment, once per request. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';

const RATING_WORDS = ['', 'Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'] as const;

export function SurveyForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (rating === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('requests.survey', { id, survey: { rating, comment } });
      onDone();
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="form wide" data-testid="survey-form">
      <fieldset className="rating">
        <legend>How satisfied are you with how this request was handled?</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="rating-option">
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
            <span>
              {n} <span className="muted small">{RATING_WORDS[n]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        Comment (optional)
        <textarea name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={5000} />
      </label>
      <div>
        <button type="submit" disabled={busy || rating === null}>
          Send answer
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
