/** What every `hicare` command works with: the data directory, the saved settings and a client for the portal. */
import { join } from 'node:path';
import { HicareError } from '../../shared/errors.js';
import { isLocale, type DisplayLocale } from '../../shared/i18n/locales.js';
import { translator, type Translate } from '../../shared/i18n/translator.js';
import { consoleLogger, systemClock, type Logger } from '../core/adapters.js';
import { fileLogger, logDirectoryOf, teeLogger } from '../core/logging/index.js';
import { HicareClient } from '../core/client/hicare-client.js';
import { defaultPaths } from '../core/paths.js';
import { FileSecretStore } from '../core/secret-file-store.js';
import { SettingsService } from '../core/settings.js';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars) and stdin one (password prompt). */
  errIsTty: boolean;
  /** The terminal's width on stderr, for the progress bars. */
  errColumns?: number;
  /** Whether stdout is a terminal: search hits are marked in bold there, in [brackets] in a pipe or a file. */
  outIsTty?: boolean;
  readStdin: () => Promise<string>;
  /** Absent without a terminal. Typed characters are hidden unless `echo` (a password is the default question). */
  prompt?: (question: string, options?: { echo?: boolean }) => Promise<string>;
}

export interface GlobalFlags {
  portal?: string | undefined;
  json?: boolean | undefined;
  /** --lang as given; the locale it resolves to is the context's. */
  lang?: string | undefined;
  /** --ca-bundle FILE: a PEM bundle for this run, before the saved setting. */
  caBundle?: string | undefined;
  /** -q: results and errors only; no progress bars, no hints. */
  quiet?: boolean | undefined;
  /** -v: the debug log on standard error, as HICARE_DEBUG=1. */
  verbose?: boolean | undefined;
}

export class CliContext {
  readonly dataDirectory: string;
  readonly settings: SettingsService;
  /** Every word printed (and the message and remedy of --json errors) is in this language. */
  readonly t: Translate;
  private log: Logger | undefined;

  constructor(
    readonly io: CliIo,
    readonly flags: GlobalFlags,
    readonly locale: DisplayLocale = 'en',
  ) {
    this.t = translator(locale);
    this.dataDirectory = defaultPaths(io.env as NodeJS.ProcessEnv).dataDirectory;
    this.settings = new SettingsService(this.dataDirectory);
  }

  portalUrl(): string {
    const url = this.flags.portal ?? this.io.env['HICARE_PORTAL'] ?? this.settings.get().portalUrl;
    if (url === undefined || url === null || url === '') {
      throw new HicareError('INVALID_INPUT.cliNoPortal');
    }
    return url;
  }

  /** Whether debug lines go to standard error: -v, or HICARE_DEBUG=1 for scripts that cannot change the line. */
  get verbose(): boolean {
    return this.flags.verbose === true || this.io.env['HICARE_DEBUG'] === '1';
  }

  /** Whether progress and hints may be drawn: not for a script reading JSON, not with -q. */
  get chatty(): boolean {
    return this.flags.json !== true && this.flags.quiet !== true;
  }

  /** The app's log file, which a support bundle carries; standard error too with -v or HICARE_DEBUG=1. */
  logger(): Logger {
    if (this.log === undefined) {
      const file = fileLogger(logDirectoryOf(this.dataDirectory));
      this.log = this.verbose ? teeLogger(file, consoleLogger('hicare')) : file;
    }
    return this.log;
  }

  /** The extra CA bundle: --ca-bundle, else the saved setting; Node itself adds NODE_EXTRA_CA_CERTS when neither is. */
  caBundle(): string | null {
    return this.flags.caBundle ?? this.settings.get().caBundlePath;
  }

  client(options: { previews?: boolean } = {}): HicareClient {
    const settings = this.settings.get();
    const trustRoot = settings.trustRootPath;
    const caFile = this.caBundle();
    return new HicareClient({
      dataDirectory: this.dataDirectory,
      portalUrl: this.portalUrl(),
      secrets: new FileSecretStore(join(this.dataDirectory, 'secrets')),
      clock: systemClock,
      logger: this.logger(),
      env: this.io.env,
      ...(trustRoot === null ? {} : { trustRoot }),
      network: {
        ...(settings.proxyUrl === null ? {} : { proxy: settings.proxyUrl }),
        ...(caFile === null ? {} : { caFile }),
      },
      ...(settings.installRoot === null ? {} : { installRoot: settings.installRoot }),
      previews: options.previews ?? settings.includePreviews,
      // The portal answers refusals in the CLI's language; a pseudo-locale is for the CLI's own words only.
      language: () => (isLocale(this.locale) ? this.locale : 'en'),
    });
  }
}
