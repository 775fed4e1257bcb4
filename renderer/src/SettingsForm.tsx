import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../shared/contracts/app-api.js';
import { api } from './api.js';
import { ErrorNotice, type ShownError } from './ErrorNotice.js';

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [portalUrl, setPortalUrl] = useState('');
  const [hours, setHours] = useState('6');
  const [previews, setPreviews] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.call('settings.get', {}).then((s) => {
      setSettings(s);
      setPortalUrl(s.portalUrl ?? '');
      setHours(String(s.checkEveryHours));
      setPreviews(s.includePreviews);
    }, setError);
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const next = await api.call('settings.update', {
        portalUrl: portalUrl.trim() === '' ? null : portalUrl.trim(),
        checkEveryHours: Number(hours),
        includePreviews: previews,
      });
      setSettings(next);
      setSaved(true);
    } catch (err) {
      setError(err as ShownError);
    }
  }

  return (
    <section aria-labelledby="settings-heading" className="card">
      <h2 id="settings-heading">Settings</h2>
      {settings === null && error === null && <p className="muted">Reading settings…</p>}
      <form onSubmit={save} className="form" noValidate>
        <label>
          Portal address
          <input name="portalUrl" type="url" value={portalUrl} onChange={(e) => setPortalUrl(e.target.value)} placeholder="https://portal.example.com" />
        </label>
        <label>
          Check for updates every (hours)
          <input name="checkEveryHours" type="number" min={1} max={168} value={hours} onChange={(e) => setHours(e.target.value)} />
        </label>
        <label className="inline">
          <input name="includePreviews" type="checkbox" checked={previews} onChange={(e) => setPreviews(e.target.checked)} />
          Show previews (prereleases)
        </label>
        <div>
          <button type="submit">Save settings</button>
          {saved && (
            <span role="status" className="ok">
              Saved.
            </span>
          )}
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
