/**
 * The app's settings: portal, network (proxy, extra CA bundle), folders, update checks, previews and the trusted
 * root. Empty fields mean "the default"; a bad value comes back as a coded error naming the field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contracts/app-api.js';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../../../../shared/i18n/locales.js';
import type { CatalogKey } from '../../../../shared/i18n/translator.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { applyLanguage, useT } from '../../i18n/index.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { useApiEvent } from '../../state/hooks.js';
import { useAction } from '../../state/use-action.js';

type TextField = 'portalUrl' | 'proxyUrl' | 'caBundlePath' | 'downloadDirectory' | 'installRoot' | 'trustRootPath';

interface FieldSpec {
  name: TextField;
  type: 'url' | 'text';
  /** An example address or path (the same in every language), or what an empty field means, from the catalog. */
  placeholder: { example: string } | { key: CatalogKey };
}

/** The text fields by group; their label, hint (and placeholder) are `app.settings.fields.<name>.*`. */
const FIELDS: readonly (readonly ['portal' | 'folders' | 'trust', readonly FieldSpec[]])[] = [
  [
    'portal',
    [
      { name: 'portalUrl', type: 'url', placeholder: { example: 'https://portal.example.com' } },
      { name: 'proxyUrl', type: 'url', placeholder: { example: 'http://proxy.example.com:3128' } },
      { name: 'caBundlePath', type: 'text', placeholder: { example: '/etc/ssl/company-ca.pem' } },
    ],
  ],
  [
    'folders',
    [
      {
        name: 'downloadDirectory',
        type: 'text',
        placeholder: { key: 'app.settings.fields.downloadDirectory.placeholder' },
      },
      { name: 'installRoot', type: 'text', placeholder: { key: 'app.settings.fields.installRoot.placeholder' } },
    ],
  ],
  [
    'trust',
    [{ name: 'trustRootPath', type: 'text', placeholder: { key: 'app.settings.fields.trustRootPath.placeholder' } }],
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
  const { t } = useT();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [language, setLanguage] = useState<LanguageSetting | null>(null);
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
  // The language is saved on its own as soon as it is picked, so the whole app switches at once.
  const choosing = useAction((next: LanguageSetting) => api.call('settings.update', { language: next }), {
    onDone: (next) => {
      setLanguage(next.language);
      applyLanguage(next.language);
    },
  });
  const error = saving.error ?? choosing.error ?? loadError;

  useEffect(() => {
    api.call('settings.get', {}).then(
      (s) => {
        setDraft(draftOf(s));
        setLanguage(s.language);
        applyLanguage(s.language);
      },
      (e: unknown) => setLoadError(toShownError(e)),
    );
  }, []);

  // Changed elsewhere (another window, the tray): show it, unless the user is in the middle of editing.
  useApiEvent('settings.changed', (s) => {
    setLanguage(s.language);
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
      <h2 id="settings-heading">{t('app.settings.heading')}</h2>
      {draft === null && error === null && (
        <p className="muted" role="status">
          {t('app.settings.reading')}
        </p>
      )}
      {language !== null && (
        <div className="form wide">
          <fieldset>
            <legend>{t('app.settings.groups.language')}</legend>
            <label>
              {t('app.settings.language')}
              <select
                name="language"
                value={language}
                disabled={choosing.busy}
                onChange={(e) => {
                  const next = e.target.value as LanguageSetting;
                  setLanguage(next);
                  void choosing.run(next);
                }}
                aria-describedby="language-hint"
              >
                {LANGUAGE_SETTINGS.map((l) => (
                  // Each language is named in itself, so a reader finds theirs whatever the app speaks now.
                  <option key={l} value={l} lang={l === 'system' ? undefined : l}>
                    {t(`common.language.${l}`)}
                  </option>
                ))}
              </select>
              <span id="language-hint" className="hint">
                {t('app.settings.languageHint')}
              </span>
            </label>
          </fieldset>
        </div>
      )}
      {draft !== null && (
        <form onSubmit={save} className="form wide" noValidate>
          {FIELDS.map(([group, fields]) => (
            <fieldset key={group}>
              <legend>{t(`app.settings.groups.${group}`)}</legend>
              {fields.map((f) => (
                <label key={f.name}>
                  {t(`app.settings.fields.${f.name}.label`)}
                  <input
                    name={f.name}
                    type={f.type}
                    value={draft[f.name]}
                    onChange={(e) => set(f.name, e.target.value)}
                    placeholder={'example' in f.placeholder ? f.placeholder.example : t(f.placeholder.key)}
                    spellCheck={false}
                    aria-describedby={`${f.name}-hint`}
                  />
                  <span id={`${f.name}-hint`} className="hint">
                    {t(`app.settings.fields.${f.name}.hint`)}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          <fieldset>
            <legend>{t('app.settings.groups.updates')}</legend>
            <label>
              {t('app.settings.checkEveryHours')}
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
              {t('app.settings.includePreviews')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('app.settings.groups.desktop')}</legend>
            <label className="inline">
              <input
                name="startAtLogin"
                type="checkbox"
                checked={draft.startAtLogin}
                onChange={(e) => set('startAtLogin', e.target.checked)}
                aria-describedby="startAtLogin-hint"
              />
              {t('app.settings.startAtLogin')}
            </label>
            <span id="startAtLogin-hint" className="hint">
              {t('app.settings.startAtLoginHint')}
            </span>
          </fieldset>
          <div>
            <button type="submit" disabled={saving.busy}>
              {t('app.settings.save')}
            </button>
            {saved && (
              <span role="status" className="ok">
                {t('app.settings.saved')}
              </span>
            )}
          </div>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
