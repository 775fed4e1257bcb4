/**
 * The app's settings: portal, network (proxy, extra CA bundle), folders, update checks, previews and the trusted
 * root. Empty fields mean "the default"; a bad value comes back as a coded error naming the field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contracts/app-api.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { useApiEvent } from '../../state/hooks.js';
import { useAction } from '../../state/use-action.js';

type TextField = 'portalUrl' | 'proxyUrl' | 'caBundlePath' | 'downloadDirectory' | 'installRoot' | 'trustRootPath';

interface FieldSpec {
  name: TextField;
  label: string;
  type: 'url' | 'text';
  placeholder: string;
  hint: string;
}

const FIELDS: readonly (readonly [string, readonly FieldSpec[]])[] = [
  [
    'Portal and network',
    [
      {
        name: 'portalUrl',
        label: 'Portal address',
        type: 'url',
        placeholder: 'https://portal.example.com',
        hint: 'The vendor portal this app signs in to.',
      },
      {
        name: 'proxyUrl',
        label: 'Proxy',
        type: 'url',
        placeholder: 'http://proxy.example.com:3128',
        hint: 'Empty: use HTTPS_PROXY / NO_PROXY from the environment, or connect directly.',
      },
      {
        name: 'caBundlePath',
        label: 'Extra CA bundle (PEM file)',
        type: 'text',
        placeholder: '/etc/ssl/company-ca.pem',
        hint: 'For a proxy or portal whose certificate your company issues.',
      },
    ],
  ],
  [
    'Folders',
    [
      {
        name: 'downloadDirectory',
        label: 'Download folder',
        type: 'text',
        placeholder: 'Default: in the app’s data folder',
        hint: 'Where verified packages are kept.',
      },
      {
        name: 'installRoot',
        label: 'Install folder',
        type: 'text',
        placeholder: 'Default: in the app’s data folder',
        hint: 'Products of systems on this desktop are installed below it, one folder per system.',
      },
    ],
  ],
  [
    'Trust',
    [
      {
        name: 'trustRootPath',
        label: 'Trusted root (root.json)',
        type: 'text',
        placeholder: 'Empty: the vendor root shipped with the app',
        hint: 'Only for a portal whose root your vendor gave you (a staging or demo portal).',
      },
    ],
  ],
];

type Draft = Record<TextField, string> & { checkEveryHours: string; includePreviews: boolean; startAtLogin: boolean };

function draftOf(s: Settings): Draft {
  return {
    portalUrl: s.portalUrl ?? '',
    proxyUrl: s.proxyUrl ?? '',
    caBundlePath: s.caBundlePath ?? '',
    downloadDirectory: s.downloadDirectory ?? '',
    installRoot: s.installRoot ?? '',
    trustRootPath: s.trustRootPath ?? '',
    checkEveryHours: String(s.checkEveryHours),
    includePreviews: s.includePreviews,
    startAtLogin: s.startAtLogin,
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function SettingsForm() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const saving = useAction(
    (d: Draft) =>
      api.call('settings.update', {
        portalUrl: orNull(d.portalUrl),
        proxyUrl: orNull(d.proxyUrl),
        caBundlePath: orNull(d.caBundlePath),
        downloadDirectory: orNull(d.downloadDirectory),
        installRoot: orNull(d.installRoot),
        trustRootPath: orNull(d.trustRootPath),
        checkEveryHours: Number(d.checkEveryHours),
        includePreviews: d.includePreviews,
        startAtLogin: d.startAtLogin,
      }),
    {
      onDone: (next) => {
        setDraft(draftOf(next));
        setDirty(false);
        setSaved(true);
      },
    },
  );
  const error = saving.error ?? loadError;

  useEffect(() => {
    api.call('settings.get', {}).then(
      (s) => setDraft(draftOf(s)),
      (e: unknown) => setLoadError(toShownError(e)),
    );
  }, []);

  // Changed elsewhere (another window, the tray): show it, unless the user is in the middle of editing.
  useApiEvent('settings.changed', (s) => {
    if (!dirty) setDraft(draftOf(s));
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => (d === null ? d : { ...d, [key]: value }));
    setDirty(true);
    setSaved(false);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (draft === null) return;
    setSaved(false);
    await saving.run(draft);
  }

  return (
    <section aria-labelledby="settings-heading" className="card" data-testid="settings">
      <h2 id="settings-heading">Settings</h2>
      {draft === null && error === null && (
        <p className="muted" role="status">
          Reading settings…
        </p>
      )}
      {draft !== null && (
        <form onSubmit={save} className="form wide" noValidate>
          {FIELDS.map(([group, fields]) => (
            <fieldset key={group}>
              <legend>{group}</legend>
              {fields.map((f) => (
                <label key={f.name}>
                  {f.label}
                  <input
                    name={f.name}
                    type={f.type}
                    value={draft[f.name]}
                    onChange={(e) => set(f.name, e.target.value)}
                    placeholder={f.placeholder}
                    spellCheck={false}
                    aria-describedby={`${f.name}-hint`}
                  />
                  <span id={`${f.name}-hint`} className="hint">
                    {f.hint}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          <fieldset>
            <legend>Updates</legend>
            <label>
              Check for updates every (hours)
              <input
                name="checkEveryHours"
                type="number"
                min={1}
                max={168}
                value={draft.checkEveryHours}
                onChange={(e) => set('checkEveryHours', e.target.value)}
              />
            </label>
            <label className="inline">
              <input
                name="includePreviews"
                type="checkbox"
                checked={draft.includePreviews}
                onChange={(e) => set('includePreviews', e.target.checked)}
              />
              Show previews (prereleases)
            </label>
          </fieldset>
          <fieldset>
            <legend>Desktop</legend>
            <label className="inline">
              <input
                name="startAtLogin"
                type="checkbox"
                checked={draft.startAtLogin}
                onChange={(e) => set('startAtLogin', e.target.checked)}
                aria-describedby="startAtLogin-hint"
              />
              Start the app when I log in
            </label>
            <span id="startAtLogin-hint" className="hint">
              In the desktop app on Windows and macOS: it opens when you log in and checks for updates in the
              background.
            </span>
          </fieldset>
          <div>
            <button type="submit" disabled={saving.busy}>
              Save settings
            </button>
            {saved && (
              <span role="status" className="ok">
                Saved.
              </span>
            )}
          </div>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
