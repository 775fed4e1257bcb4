/** The user's settings, kept as JSON in the data directory with `conf` and validated by the shared schema. */
import Conf from 'conf';
import { SettingsSchema, type Settings } from '../../shared/contracts/app-api.js';

/** A patch as the API's schema yields it: absent and undefined both mean "leave as is". */
export type SettingsPatch = { [K in keyof Settings]?: Settings[K] | undefined };

export const DEFAULT_SETTINGS: Settings = {
  portalUrl: null,
  proxyUrl: null,
  caBundlePath: null,
  downloadDirectory: null,
  checkEveryHours: 6,
  includePreviews: false,
  trustRootPath: null,
  installRoot: null,
  startAtLogin: false,
  language: 'system',
};

export class SettingsService {
  private readonly store: Conf<{ settings: Settings }>;
  private readonly listeners = new Set<(s: Settings) => void>();

  constructor(dataDirectory: string) {
    this.store = new Conf<{ settings: Settings }>({
      cwd: dataDirectory,
      configName: 'settings',
      projectName: 'hicare',
      defaults: { settings: DEFAULT_SETTINGS },
    });
  }

  get(): Settings {
    // A file edited by hand that no longer fits the schema falls back to defaults field by field.
    const parsed = SettingsSchema.partial().safeParse(this.store.get('settings'));
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
  }

  /** Applies an already-validated patch; the whole result is validated again before it is written. */
  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...stripUndefined(patch) });
    this.store.set('settings', next);
    for (const l of this.listeners) l(next);
    return next;
  }

  onChange(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function stripUndefined(o: SettingsPatch): Partial<Settings> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Settings>;
}
