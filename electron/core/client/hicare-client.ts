/**
 * The client core as one object for the app and the `hicare` CLI: sign in, the contracts and systems, what each
 * system may take (checked against the signed catalog), downloads into the verified cache, installs, and a record
 * of each step in the operation log. Every package goes through the same gate: its target comes from verified TUF
 * metadata, its bytes must hash to that target, and it must be for the system's product and platform — or nothing
 * is installed.
 */
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { ContractView } from '../../../shared/contracts/entitlement.js';
import type { Session } from '../../../shared/contracts/accounts.js';
import { platformKey } from '../../../shared/domain/platform.js';
import { platformOfBuild } from '../../../shared/domain/release-assembly.js';
import type { LineLifecycle } from '../../../shared/domain/release.js';
import { HicareError } from '../../../shared/errors.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import type { Clock, Logger, SecretStore } from '../adapters.js';
import { currentPlatform } from '../detect/index.js';
import { withFile } from '../files/file-error.js';
import { DownloadManager, type DownloadHandle, type DownloadResult } from '../downloads/index.js';
import { isInstallFailure, runInstaller, type InstallResult } from '../install/index.js';
import { withSystemLock } from '../install/system-lock.js';
import { checkEnteredVersion } from '../inventory/catalog-version.js';
import { InstallReports } from '../inventory/install-reports.js';
import { Inventory, type InventorySystem } from '../inventory/inventory.js';
import { OperationLog } from '../operations/index.js';
import { PortalClient } from '../portal/client.js';
import type { NetworkSettings } from '../portal/network.js';
import { hasAvailable, resolveSystems, type SystemResolution } from '../resolver/resolver.js';
import { SHIPPED_ROOT } from '../shipped-root.js';
import { Trust } from '../trust/trust.js';
import { FailureStore } from '../requests/failures.js';
import { RequestService } from '../requests/request-service.js';
import { hopRefusal } from './upgrade-path.js';
import { KnownWithdrawals, withdrawalIndex } from './withdrawals.js';

export { SHIPPED_ROOT };

export interface DownloadOptions {
  /** The system it is for: the portal checks the download against that system's contract. */
  serialNumber?: string;
  /** A folder the verified file is copied to. */
  out?: string;
}

export type DownloadOutcome = DownloadResult & { target: ReleaseTarget; file: string };

export interface StartedDownload {
  handle: DownloadHandle;
  done: Promise<DownloadOutcome>;
}

export interface HicareClientOptions {
  dataDirectory: string;
  portalUrl: string;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  /** The root to trust for this portal; the shipped vendor root when absent. */
  trustRoot?: string;
  network?: NetworkSettings;
  env?: Record<string, string | undefined>;
  /** Where products of this desktop's systems are installed; `<data>/installs` when absent. */
  installRoot?: string;
  previews?: boolean;
  /** `linux-x64` etc.; this machine's when absent. */
  platform?: string;
  /** Passed to the download manager (tests use short timeouts and few retries). */
  downloadRetries?: number;
  /** The language the user reads, asked on every call to the portal so it answers errors in it. */
  language?: () => DisplayLocale;
}

function machinePlatform(): string {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  return platformKey(currentPlatform(), arch);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class HicareClient {
  readonly portal: PortalClient;
  readonly trust: Trust;
  readonly downloads: DownloadManager;
  readonly operations: OperationLog;
  readonly inventory: Inventory;
  /** Failed installations, kept so a request can be drafted from one later. */
  readonly failures: FailureStore;
  readonly requests: RequestService;
  /** What this desktop installed or entered, on its way to the portal. */
  readonly installReports: InstallReports;
  /** The releases the vendor withdrew, as last learned from the portal. */
  readonly withdrawals: KnownWithdrawals;
  readonly platform: string;
  readonly dataDirectory: string;
  private readonly options: HicareClientOptions;

  /** The language the user reads (English when the host did not say). */
  readerLanguage(): DisplayLocale {
    const locale = this.options.language?.() ?? 'en';
    return locale === 'en-XA' ? 'en' : locale;
  }

  constructor(options: HicareClientOptions) {
    this.options = options;
    this.dataDirectory = options.dataDirectory;
    this.platform = options.platform ?? machinePlatform();
    this.portal = new PortalClient({
      portalUrl: options.portalUrl,
      secrets: options.secrets,
      ...(options.network === undefined ? {} : { network: options.network }),
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.language === undefined ? {} : { language: options.language }),
    });
    this.trust = new Trust({
      dataDirectory: options.dataDirectory,
      portalUrl: options.portalUrl,
      rootFile: options.trustRoot ?? SHIPPED_ROOT,
      transport: this.portal.transport,
    });
    this.downloads = new DownloadManager({
      cacheDir: join(options.dataDirectory, 'packages'),
      clock: options.clock,
      logger: options.logger,
      request: {
        headers: async () => ({ ...this.portal.languageHeaders(), ...(await this.portal.authHeaders()) }),
        ...(options.downloadRetries === undefined ? {} : { retries: options.downloadRetries }),
        ...(this.portal.transport.agent === undefined ? {} : { agent: this.portal.transport.agent }),
        ...(this.portal.transport.https === undefined ? {} : { https: this.portal.transport.https }),
      },
    });
    this.operations = OperationLog.inDataDirectory(options.dataDirectory, options.clock);
    this.inventory = new Inventory(options.dataDirectory, options.clock);
    this.failures = new FailureStore(options.dataDirectory);
    this.requests = new RequestService(
      this.portal,
      this.operations,
      options.clock,
      options.dataDirectory,
      options.language,
    );
    this.installReports = new InstallReports(options.dataDirectory, this.portal, options.logger);
    this.withdrawals = new KnownWithdrawals(options.dataDirectory, this.portal, options.logger, () =>
      options.clock.now(),
    );
  }

  /** The root this client trusts the portal through: the user's root file, or the vendor's shipped one. */
  get trustRootFile(): string {
    return this.options.trustRoot ?? SHIPPED_ROOT;
  }

  /** Where products of this desktop's systems are installed, each in a folder named by its serial. */
  get installRoot(): string {
    return this.options.installRoot ?? join(this.options.dataDirectory, 'installs');
  }

  async login(email: string, password: string): Promise<Session> {
    const session = await this.portal.signIn(email, password);
    await this.operations.append('check', `Signed in to ${this.portal.portalUrl} as ${session.account.email}`, {
      role: session.account.role,
    });
    return session;
  }

  /**
   * The products of the systems this desktop knows from the customer's contracts (as last synced): the catalog
   * roles it fetches and verifies. Other products' releases are not this customer's, and are never downloaded.
   */
  customerProducts(): string[] {
    return [...new Set(this.inventory.list().map((system) => system.product))].sort();
  }

  async logout(): Promise<void> {
    await this.portal.signOut();
  }

  async contracts(): Promise<ContractView[]> {
    return (await this.portal.call('contracts', {})).contracts;
  }

  /** The contracts' systems, synced into the inventory, with versions detected where the product is on this desktop. */
  async systems(): Promise<InventorySystem[]> {
    const { systems: records } = await this.portal.call('systems', {});
    // The portal answers again: what was installed or entered meanwhile goes first, so its record is current.
    await this.installReports.flush();
    this.inventory.sync(records, { installRoot: this.installRoot, platform: this.platform });
    const targets = await this.trust.allTargets(this.customerProducts());
    for (const system of this.inventory.list()) {
      const rule = newestTarget(targets, system.product, system.platform ?? this.platform)?.custom.detection;
      if (rule !== undefined && system.platform === this.platform) {
        await this.inventory
          .detect(system.serialNumber, rule)
          .catch((error: unknown) =>
            this.options.logger.warn('detection failed', { serialNumber: system.serialNumber, error: String(error) }),
          );
      }
    }
    return this.inventory.list();
  }

  /**
   * Records the version an admin entered for a system (remote equipment): one of the product's catalog versions, or
   * one confirmed to be outside the catalog, marked as such. Refused with VERSION_NOT_IN_CATALOG otherwise, and
   * nothing changes. The portal is told (queued when it cannot be reached).
   */
  async setVersion(
    serialNumber: string,
    version: string,
    options: { notInCatalog?: boolean } = {},
  ): Promise<InventorySystem> {
    // From the contracts first, so a system added to them since the last look can be given its version.
    await this.systems();
    const system = this.inventory.get(serialNumber);
    await this.trust.refresh();
    const { notInCatalog } = checkEnteredVersion(
      await this.trust.allTargets([system.product]),
      system,
      version,
      options.notInCatalog === true,
    );
    const updated = this.inventory.setInstalled(serialNumber, version, 'entered', { notInCatalog });
    await this.operations.append(
      'inventory',
      `Entered ${system.product} ${version} for ${serialNumber}${notInCatalog ? ' (not in the catalog)' : ''}`,
      {
        serialNumber,
        version,
        notInCatalog,
      },
    );
    await this.installReports.report(serialNumber, {
      version,
      how: 'entered',
      notInCatalog,
      at: this.options.clock.now().toISOString(),
    });
    return updated;
  }

  /** For every system: its updates and upgrades with verdicts, reasons, remedies and the upgrade path. */
  async check(): Promise<SystemResolution[]> {
    try {
      return await this.resolveAll();
    } catch (error) {
      return this.failed('Checking for releases failed', error, {});
    }
  }

  private async resolveAll(): Promise<SystemResolution[]> {
    const contracts = await this.contracts();
    await this.trust.refresh();
    const systems = await this.systems();
    const targets = await this.trust.allTargets(this.customerProducts());
    const withdrawals = await this.withdrawals.refresh();
    const byProduct = new Map<string, ReleaseTarget[]>();
    for (const t of targets) byProduct.set(t.custom.product, [...(byProduct.get(t.custom.product) ?? []), t]);
    const lifecycles = new Map<string, LineLifecycle>();
    for (const { custom } of targets) {
      const l = custom.lifecycle;
      if (l === undefined) continue;
      lifecycles.set(`${l.product}:${l.major}`, {
        product: l.product,
        major: l.major,
        ga: l.ga,
        ...(l.endOfMaintenance === undefined ? {} : { endOfMaintenance: l.endOfMaintenance }),
        ...(l.endOfService === undefined ? {} : { endOfService: l.endOfService }),
      });
    }
    const resolutions = resolveSystems(
      systems.map((s) => ({
        serialNumber: s.serialNumber,
        product: s.product,
        location: s.location,
        installedVersion: s.installedVersion,
        ...(s.platform === null ? {} : { platform: s.platform }),
        ...(s.notInCatalog === true ? { notInCatalog: true as const } : {}),
      })),
      {
        contracts,
        catalog: { targets: (p) => byProduct.get(p) ?? [], lifecycles: [...lifecycles.values()] },
        now: this.options.clock.now(),
        previews: this.options.previews === true,
        withdrawals: withdrawalIndex(withdrawals),
      },
    );
    await this.operations.append(
      'check',
      `Checked ${systems.length} systems: ${resolutions.filter(hasAvailable).length} with releases available`,
      {
        systems: resolutions.map((r) => ({
          serialNumber: r.system.serialNumber,
          installed: r.system.installedVersion,
          available: [...r.updates, ...r.upgrades].filter((c) => c.verdict.allowed).map((c) => c.target.custom.version),
        })),
      },
    );
    return resolutions;
  }

  /**
   * Downloads a package into the verified cache (and copies it to `out` when given). The target comes from the
   * signed catalog; the portal decides whether the caller may have it.
   */
  async download(targetName: string, options: DownloadOptions = {}): Promise<DownloadOutcome> {
    return (await this.startDownload(targetName, options)).done;
  }

  /**
   * A download, answered once it is queued: its handle (to show and control it) and when it is done. A refusal
   * before the first byte (a target the catalog does not sign) rejects this call; a failure after that, `done`.
   */
  async startDownload(targetName: string, options: DownloadOptions = {}): Promise<StartedDownload> {
    const target = await this.trust
      .verifiedTarget(targetName)
      .catch((error: unknown) => this.failed(`Download of ${targetName} refused`, error, { target: targetName }));
    const system =
      options.serialNumber === undefined
        ? undefined
        : this.inventory.list().find((s) => s.serialNumber === options.serialNumber);
    const url = this.portal.packageUrl(target.name, {
      ...(options.serialNumber === undefined ? {} : { serialNumber: options.serialNumber }),
      ...(system?.installedVersion === null || system?.installedVersion === undefined
        ? {}
        : { installedVersion: system.installedVersion }),
      ...(this.options.previews === true ? { previews: '1' as const } : {}),
    });
    const handle = this.downloads.download({ target, url });
    return { handle, done: this.finishDownload(handle, target, options.out) };
  }

  private async finishDownload(
    handle: DownloadHandle,
    target: ReleaseTarget,
    out: string | undefined,
  ): Promise<DownloadOutcome> {
    let result: DownloadResult;
    try {
      result = await handle.done;
    } catch (error) {
      return this.failed(`Download of ${target.name} failed`, error, { target: target.name });
    }
    await this.operations.append('download', `Downloaded and verified ${target.name}`, {
      target: target.name,
      sha256: target.sha256,
      length: target.length,
      fromCache: result.fromCache,
    });
    let file = result.path;
    if (out !== undefined) {
      file = join(out, basename(target.name));
      const copy = file;
      await withFile({ file: 'downloadFolder', path: out }, async () => {
        await mkdir(out, { recursive: true });
        await copyFile(result.path, `${copy}.part`);
        await rename(`${copy}.part`, copy);
      });
    }
    return { ...result, target, file };
  }

  /**
   * Which signed release of the customer's products a file is, by its SHA-256; refused when it is none. Only those
   * products' roles are searched: a package of another product is nothing this desktop would install.
   */
  async verify(file: string): Promise<ReleaseTarget> {
    const sha256 = await withFile({ file: 'packageFile', path: file }, () => sha256File(file));
    const target = (await this.trust.allTargets(this.customerProducts())).find((t) => t.sha256 === sha256);
    await this.operations.append(
      'verify',
      `Verified ${basename(file)}: ${target === undefined ? 'no signed package' : target.name}`,
      { file, sha256, target: target?.name ?? null },
    );
    if (target === undefined) {
      throw new HicareError('HASH_MISMATCH.notASignedPackage', { file: basename(file), sha256 }, { sha256 });
    }
    return target;
  }

  /**
   * Installs a release on a system of this desktop: only a signed target for the system's product and platform,
   * only bytes that hash to it. A failure comes back as the installer's typed failure, ready for a service request.
   */
  async install(
    targetName: string,
    serialNumber: string,
    options: { onLog?: (line: { stream: string; text: string }) => void } = {},
  ): Promise<InstallResult> {
    const { system, target, installDir } = await this.installable(targetName, serialNumber).catch((error: unknown) =>
      this.failed(`Installing ${targetName} on ${serialNumber} refused`, error, { target: targetName, serialNumber }),
    );
    const what = `${target.custom.product} ${target.custom.version}`;
    const locks = join(this.options.dataDirectory, 'work', 'locks');
    return withSystemLock(locks, serialNumber, what, this.options.clock.now(), async () => {
      const downloaded = await this.download(target.name, { serialNumber });
      return this.runVerifiedInstall(system, target, installDir, downloaded.path, { ...options, reportOnline: true });
    }).catch((error: unknown) =>
      error instanceof HicareError && error.code === 'INSTALL_IN_PROGRESS'
        ? this.failed(`Installing ${targetName} on ${serialNumber} refused`, error, {
            target: targetName,
            serialNumber,
          })
        : Promise.reject(error),
    );
  }

  /**
   * Installs a package whose bytes were already verified against `target` (an offline bundle's, now in the package
   * cache), through the same installer, inventory, log and failure record as an online install — with no network
   * call: the installation report is only queued, for the next time the portal is reachable.
   */
  async installVerifiedPackage(
    target: ReleaseTarget,
    serialNumber: string,
    packagePath: string,
    options: { onLog?: (line: { stream: string; text: string }) => void } = {},
  ): Promise<InstallResult> {
    const refused = (error: unknown) =>
      this.failed(`Installing ${target.name} on ${serialNumber} refused`, error, { target: target.name, serialNumber });
    const system = await Promise.resolve()
      .then(() => this.inventory.get(serialNumber))
      .catch(refused);
    const installDir = await Promise.resolve()
      .then(() => {
        this.checkFits(system, target);
        return installDirOf(system);
      })
      .catch(refused);
    const what = `${target.custom.product} ${target.custom.version}`;
    const locks = join(this.options.dataDirectory, 'work', 'locks');
    return withSystemLock(locks, serialNumber, what, this.options.clock.now(), () =>
      this.runVerifiedInstall(system, target, installDir, packagePath, { ...options, reportOnline: false }),
    ).catch((error: unknown) =>
      error instanceof HicareError && error.code === 'INSTALL_IN_PROGRESS' ? refused(error) : Promise.reject(error),
    );
  }

  /** The installer run on verified bytes, and everything recorded after it, success or failure. */
  private async runVerifiedInstall(
    system: InventorySystem,
    target: ReleaseTarget,
    installDir: string,
    packagePath: string,
    options: { onLog?: (line: { stream: string; text: string }) => void; reportOnline: boolean },
  ): Promise<InstallResult> {
    const { serialNumber } = system;
    const workDir = join(this.options.dataDirectory, 'work');
    await mkdir(workDir, { recursive: true });
    try {
      const result = await runInstaller({
        packagePath,
        target,
        system: { serialNumber, location: system.location, installedVersion: system.installedVersion },
        installDir,
        workDir,
        ...(options.onLog === undefined ? {} : { onLog: options.onLog }),
      });
      this.inventory.setInstalled(serialNumber, result.detectedVersion, 'installed');
      await this.operations.append(
        'install',
        `Installed ${target.custom.product} ${target.custom.version} on ${serialNumber}`,
        {
          target: target.name,
          from: result.fromVersion,
          to: result.toVersion,
          durationMs: result.durationMs,
        },
      );
      const report = {
        version: result.detectedVersion,
        how: 'installed' as const,
        at: this.options.clock.now().toISOString(),
      };
      if (options.reportOnline) await this.installReports.report(serialNumber, report);
      else await this.installReports.queue(serialNumber, report);
      return result;
    } catch (error) {
      const coded = error as HicareError;
      await this.recordFailure(
        `Installing ${target.custom.product} ${target.custom.version} on ${serialNumber} failed`,
        error,
        {
          target: target.name,
          exitCode: (coded.details?.['exitCode'] as number | undefined) ?? null,
        },
      );
      if (isInstallFailure(error))
        await this.failures.save(error, this.options.clock.now()).catch((saveError: unknown) =>
          this.options.logger.warn('a failed installation could not be kept for a request', {
            error: String(saveError),
          }),
        );
      throw error;
    }
  }

  /** The system and the signed target, checked to belong together before a byte is fetched. */
  private async installable(
    targetName: string,
    serialNumber: string,
  ): Promise<{ system: InventorySystem; target: ReleaseTarget; installDir: string }> {
    const system = this.inventory.get(serialNumber);
    const target = await this.trust.verifiedTarget(targetName);
    this.checkFits(system, target);
    // A release that would skip a hop its minUpgradeFrom requires is refused before anything is downloaded.
    const skipped = hopRefusal(
      serialNumber,
      system.installedVersion,
      target,
      await this.trust.allTargets([system.product]),
      this.options.previews === true,
      this.readerLanguage(),
    );
    if (skipped !== null) throw skipped;
    return { system, target, installDir: installDirOf(system) };
  }

  /** The target is for the system's product and platform, and for this desktop's. */
  private checkFits(system: InventorySystem, target: ReleaseTarget): void {
    const { serialNumber } = system;
    const targetPlatform = platformOfBuild(target);
    if (
      target.custom.product !== system.product ||
      (system.platform !== null && targetPlatform !== system.platform) ||
      targetPlatform !== this.platform
    ) {
      throw new HicareError(
        'PACKAGE_NOT_FOR_SYSTEM.installOnDesktop',
        {
          target: target.name,
          targetProduct: target.custom.product,
          targetPlatform,
          serialNumber,
          product: system.product,
          systemPlatform: system.platform ?? this.platform,
          desktopPlatform: this.platform,
        },
        { target: target.name, serialNumber },
      );
    }
  }

  /**
   * Every refused or failed step is recorded, so the operation log shows what was attempted and why it stopped. A
   * record that cannot be written (the disk is full) must not replace the error the user needs to see.
   */
  private async recordFailure(summary: string, error: unknown, data: Record<string, unknown>): Promise<void> {
    const code = error instanceof HicareError ? error.code : 'INTERNAL';
    await this.operations
      .append('failure', `${summary}: ${code}`, { ...data, code })
      .catch((logError: unknown) =>
        this.options.logger.warn('a failure could not be recorded', { error: String(logError) }),
      );
  }

  private async failed(summary: string, error: unknown, data: Record<string, unknown>): Promise<never> {
    await this.recordFailure(summary, error, data);
    throw error;
  }
}

function newestTarget(targets: readonly ReleaseTarget[], product: string, platform: string): ReleaseTarget | undefined {
  return targets
    .filter((t) => t.custom.product === product && platformOfBuild(t) === platform)
    .sort((a, b) => (a.custom.publishedAt < b.custom.publishedAt ? 1 : -1))[0];
}

/** The system's folder on this desktop; remote equipment has none and is not installed from here. */
function installDirOf(system: InventorySystem): string {
  if (system.installDir === null) {
    throw new HicareError('INVALID_INPUT.remoteEquipment', { serialNumber: system.serialNumber });
  }
  return system.installDir;
}
