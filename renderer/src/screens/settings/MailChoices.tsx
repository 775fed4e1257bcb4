/**
 * "E-mail" on the Settings screen, signed in only: a box per kind of mail the portal can send this account's role,
 * saved on the portal, so it holds on every desktop and matches what an unsubscribe link turned off.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { MailPreferences } from '../../../../shared/contracts/admin/mail.js';
import { MailPreferencesUpdateSchema } from '../../../../shared/contracts/admin/mail.js';
import { mailKindKey, mailKindsFor } from '../../../../shared/domain/mail.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { changedKinds } from '../../lib/mail-choices.js';
import { useSession } from '../../state/session.js';

export function MailChoices() {
  const { role } = useSession();
  // Nothing to choose for a role the portal sends no mail (and no portal to ask while signed out).
  if (role === null || mailKindsFor(role).length === 0) return null;
  return <MailChoicesForm kinds={mailKindsFor(role)} />;
}

function MailChoicesForm({ kinds }: { kinds: ReturnType<typeof mailKindsFor> }) {
  const { t } = useT();
  const [saved, setSaved] = useState<MailPreferences | null>(null);
  const [chosen, setChosen] = useState<MailPreferences | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    let current = true;
    api.call('mail.preferences', {}).then(
      (p) => {
        if (!current) return;
        setSaved(p);
        setChosen(p);
      },
      (e: unknown) => {
        if (current) setError(toShownError(e));
      },
    );
    return () => {
      current = false;
    };
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saved === null || chosen === null) return;
    setBusy(true);
    setDone(false);
    setError(null);
    try {
      // The same schema as the portal's, checked before sending.
      const update = MailPreferencesUpdateSchema.parse({ kinds: changedKinds(saved, chosen) });
      const answer = await api.call('mail.setPreferences', update);
      setSaved(answer);
      setChosen(answer);
      setDone(true);
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="mail-choices-heading" className="card" data-testid="mail-choices">
      <h2 id="mail-choices-heading">{t('admin.mail.settings.title')}</h2>
      {chosen === null && error === null && <Pending what={t('admin.mail.settings.pending')} />}
      {chosen !== null && (
        <form className="form" onSubmit={(e) => void save(e)} noValidate>
          <fieldset>
            <legend className="muted">{t('admin.mail.settings.hint')}</legend>
            {kinds.map((kind) => (
              <label className="inline" key={kind}>
                <input
                  type="checkbox"
                  checked={chosen.kinds[kind]}
                  onChange={(e) => {
                    setDone(false);
                    setChosen({ kinds: { ...chosen.kinds, [kind]: e.target.checked } });
                  }}
                  data-testid={`mail-choice-${kind}`}
                />
                {t('admin.mail.kind', { kind: mailKindKey(kind) })}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" disabled={busy} data-testid="mail-choices-save">
              {t('admin.mail.settings.save')}
            </button>
          </div>
        </form>
      )}
      {done && (
        <p role="status" className="ok-text" data-testid="mail-choices-saved">
          {t('admin.mail.settings.saved')}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
