/**
 * What redaction removed before anything leaves this desktop: the kind of secret, where it was, and a masked glimpse.
 * For text the customer typed, each finding also offers the choice to send it as typed (removed unless chosen).
 */
import { SECRET_KINDS } from '../../../../shared/domain/redact.js';
import type { z } from 'zod';
import type { RedactionSchema } from '../../../../shared/contracts/app-views.js';
import { translator, type Translate } from '../../../../shared/i18n/translator.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { Coded } from './Coded.js';

type Redaction = z.infer<typeof RedactionSchema>;

/** A finding's kind in words (as a label, or inside a sentence); a kind this app does not know is shown as sent. */
function kindWords(kind: string, t: Translate, inSentence = false): string {
  const known = SECRET_KINDS.find((k) => k === kind);
  if (known === undefined) return kind;
  return t(inSentence ? `app.requests.redaction.kindInSentence.${known}` : `app.requests.redaction.kind.${known}`);
}

/** `$.installFailure.log` reads as "installer log". */
export function whereWords(path: string, t: Translate = translator(currentLocale())): string {
  if (path.includes('installFailure.log')) return t('app.requests.redaction.place.log');
  if (path.includes('systemInfo'))
    return t('app.requests.redaction.place.systemInfo', { name: path.split('.').pop() ?? '' });
  if (path.includes('operationRecords')) return t('app.requests.redaction.place.operationRecords');
  if (path.includes('faultDescription')) return t('app.requests.redaction.place.faultDescription');
  if (path.includes('message')) return t('app.requests.redaction.place.message');
  return path;
}

/** The customer's keep-or-remove choice per finding, by its position in the list. */
export interface RedactionChoice {
  isKept(index: number): boolean;
  toggle(index: number): void;
}

// The marker every removed secret is replaced by, as the redaction writes it; shown as code inside the sentence.
const MARKER = '\u0001marker\u0001';
const MARKER_TEXT = '[REDACTED password]';

function Summary({ count, choice }: { count: number; choice: RedactionChoice | undefined }) {
  const { t } = useT();
  const typed = choice !== undefined;
  return (
    <p>
      <strong>{t(typed ? 'app.requests.redaction.typed' : 'app.requests.redaction.removed', { count })}</strong>{' '}
      <Coded
        text={t(typed ? 'app.requests.redaction.typedMarker' : 'app.requests.redaction.marker', { marker: MARKER })}
      >
        {{ [MARKER]: MARKER_TEXT }}
      </Coded>
    </p>
  );
}

export function RedactionPreview({
  redactions,
  choice,
  emptyText,
  testId = 'redaction-preview',
}: {
  redactions: readonly Redaction[];
  choice?: RedactionChoice;
  emptyText?: string;
  testId?: string;
}) {
  const { t } = useT();
  return (
    <div className="redactions" data-testid={testId}>
      {redactions.length === 0 ? (
        <p>{emptyText ?? t('app.requests.redaction.noneInDiagnostics')}</p>
      ) : (
        <>
          <Summary count={redactions.length} choice={choice} />
          <table className="table">
            <caption className="visually-hidden">{t('app.requests.redaction.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.requests.redaction.what')}</th>
                <th scope="col">{t('app.requests.redaction.where')}</th>
                <th scope="col">{t('app.requests.redaction.line')}</th>
                <th scope="col">
                  {choice === undefined
                    ? t('app.requests.redaction.removedMasked')
                    : t('app.requests.redaction.foundMasked')}
                </th>
                {choice !== undefined && <th scope="col">{t('app.requests.redaction.sendAsTyped')}</th>}
              </tr>
            </thead>
            <tbody>
              {redactions.map((r, i) => (
                <tr key={i}>
                  <td>{kindWords(r.kind, t)}</td>
                  <td>{whereWords(r.path, t)}</td>
                  <td>{r.line}</td>
                  <td>
                    <code>{r.masked}</code>
                  </td>
                  {choice !== undefined && (
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          checked={choice.isKept(i)}
                          onChange={() => choice.toggle(i)}
                          aria-label={t('app.requests.redaction.sendThis', {
                            kind: kindWords(r.kind, t, true),
                            line: r.line,
                          })}
                        />{' '}
                        {t('app.requests.redaction.sendAsTyped')}
                      </label>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
