/**
 * Installs one verified package (DESIGN.md §5): check its bytes once more, plan by installer type, unpack or run
 * it with a deadline and the log captured, then detect the installed version again. Success means the product now reports the version the
 * release says; anything else is an InstallFailure that carries what a support request needs.
 */
import { chmod, copyFile, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ReleaseTargetCustomSchema,
  type Platform,
  type ReleaseTargetCustom,
} from '../../../shared/contracts/catalog.js';
import { HicareError, type ErrorKey } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';
import { currentPlatform, detectVersion } from '../detect/detect.js';
import type { RunCommand } from '../detect/run-command.js';
import { sameVersion } from '../detect/version-text.js';
import { extractArchive } from './archive.js';
import { installCommand, type ElevationContext, type InstallPlan } from './install-command.js';
import { InstallFailure, type InstallFailureDetails } from './install-failure.js';
import { InstallLog, type LogLine } from './install-log.js';
import { assertPackageMatches } from './package-check.js';
import { runProcess, type ProcessOutcome, type SpawnFn } from './installer-process.js';
import { systemInfo } from './system-info.js';

export interface InstallInput {
  packagePath: string;
  target: { name: string; sha256: string; length: number; custom: ReleaseTargetCustom };
  system: { serialNumber: string; location: string; installedVersion: string | null };
  /** The install folder: what `{target}` stands for. */
  installDir: string;
  /** Scratch space; what this run puts there is removed when it ends. */
  workDir: string;
  platform?: Platform;
  spawn?: SpawnFn;
  now?: () => Date;
  onLog?: (line: LogLine) => void;
  /** Defaults to this process's rights and whether a desktop session is there. */
  elevation?: ElevationContext;
  /** How the detection rule's commands run (the real spawn by default). */
  detectRun?: RunCommand;
}

export interface InstallResult {
  fromVersion: string | null;
  toVersion: string;
  detectedVersion: string;
  log: string;
  durationMs: number;
  argv: string[];
  /** msiexec said the change completes after a restart (3010, 1641). */
  restartRequired: boolean;
}

/** msiexec's "success, restart needed" codes. */
const MSI_RESTART_CODES = new Set([3010, 1641]);

function defaultElevation(platform: Platform): ElevationContext {
  const isAdmin = typeof process.getuid === 'function' && process.getuid() === 0;
  const graphical = platform === 'linux' && Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
  return { isAdmin, graphical };
}

/** A step that failed with an error not of ours, by the code its failure takes. */
const STEP_FAILED = {
  HASH_MISMATCH: 'HASH_MISMATCH.installStep',
  INSTALLER_UNSUPPORTED: 'INSTALLER_UNSUPPORTED.installStep',
  INSTALL_FAILED: 'INSTALL_FAILED.installStep',
  DETECTION_FAILED: 'DETECTION_FAILED.installStep',
} as const satisfies Record<string, ErrorKey>;

type InstallInputProblem = 'metadata' | 'catalogEntry' | 'system' | 'packagePath' | 'installFolder' | 'scratchFolder';

function invalid(problem: InstallInputProblem): HicareError {
  return new HicareError('INVALID_INPUT.installInput', { problem });
}

function checkInput(input: InstallInput): ReleaseTargetCustom {
  const custom = ReleaseTargetCustomSchema.safeParse(input.target?.custom);
  if (!custom.success) throw invalid('metadata');
  const { target, system } = input;
  if (
    typeof target.name !== 'string' ||
    !/^[0-9a-f]{64}$/i.test(String(target.sha256)) ||
    !Number.isSafeInteger(target.length) ||
    target.length < 0
  ) {
    throw invalid('catalogEntry');
  }
  if (
    typeof system?.serialNumber !== 'string' ||
    typeof system.location !== 'string' ||
    (system.installedVersion !== null && typeof system.installedVersion !== 'string')
  ) {
    throw invalid('system');
  }
  for (const [name, value] of [
    ['packagePath', input.packagePath],
    ['installFolder', input.installDir],
    ['scratchFolder', input.workDir],
  ] as const) {
    if (typeof value !== 'string' || !isAbsolute(value) || value.includes('\0')) throw invalid(name);
  }
  return custom.data;
}

/** msiexec writes its verbose log as UTF-16 with a byte-order mark. */
async function readMsiLog(path: string): Promise<string> {
  const bytes = await readFile(path).catch(() => null);
  if (bytes === null) return '';
  return bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
}

async function copyInto(from: string, to: string, mode: number): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.part`;
  try {
    await copyFile(from, tmp);
    await chmod(tmp, mode);
    await rename(tmp, to);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

function outcomeFailure(
  outcome: ProcessOutcome,
  timeoutSeconds: number,
  release: string,
  cause: string,
): { key: ErrorKey; params: MessageParams; problem: Record<string, unknown> | null } {
  if (outcome.timedOut) {
    return { key: 'INSTALL_TIMEOUT.installer', params: { release, seconds: timeoutSeconds }, problem: null };
  }
  if (outcome.spawnError !== null) {
    // The system's reason (ENOENT, EACCES …) is for the log and the support request, not the sentence.
    return {
      key: 'INSTALL_FAILED.installerNotStarted',
      params: { release },
      problem: { spawnError: outcome.spawnError },
    };
  }
  // The installer's last line is the product's own words: quoted as it said them.
  const how =
    outcome.signal !== null
      ? { stopped: 'signal', signal: outcome.signal }
      : { stopped: 'exit', exitCode: String(outcome.exitCode ?? '?') };
  return cause === ''
    ? { key: 'INSTALL_FAILED.installer', params: { release, ...how }, problem: null }
    : { key: 'INSTALL_FAILED.installerSaying', params: { release, ...how, cause }, problem: null };
}

export async function runInstaller(input: InstallInput): Promise<InstallResult> {
  const custom = checkInput(input);
  const platform = input.platform ?? currentPlatform();
  const now = input.now ?? (() => new Date());
  const started = performance.now();
  const startedAt = now().toISOString();
  const log = new InstallLog(now, input.onLog);
  const what = `${custom.product} ${custom.version}`;
  let argv: string[] = [];
  let outcome: ProcessOutcome | null = null;
  let detected: string | null = null;

  const fail = async (
    cause: { key: ErrorKey; params?: MessageParams } | HicareError,
    problem: Record<string, unknown> | null = null,
  ): Promise<never> => {
    const details: InstallFailureDetails = {
      product: custom.product,
      fromVersion: input.system.installedVersion,
      toVersion: custom.version,
      targetName: input.target.name,
      packageSha256: input.target.sha256,
      packageLength: input.target.length,
      installerType: custom.installer.type,
      argv,
      exitCode: outcome?.exitCode ?? null,
      signal: outcome?.signal ?? null,
      durationMs: Math.round(performance.now() - started),
      log: log.text(),
      logTruncated: log.truncated,
      cause: log.cause(),
      detectedVersion: detected,
      startedAt,
      system: await systemInfo(input.installDir),
      serialNumber: input.system.serialNumber,
      location: input.system.location,
      problem,
    };
    throw new InstallFailure(cause, details);
  };
  const failWith = (e: unknown, fallback: keyof typeof STEP_FAILED): Promise<never> => {
    if (e instanceof HicareError) return fail(e, e.details ?? null);
    // Not one of ours: its text is internal, so it goes to the support request's details, not the sentence.
    return fail(
      { key: STEP_FAILED[fallback], params: { release: what } },
      { cause: e instanceof Error ? e.message : String(e) },
    );
  };

  try {
    await assertPackageMatches(input.packagePath, input.target);
  } catch (e) {
    return failWith(e, 'HASH_MISMATCH');
  }
  await mkdir(input.workDir, { recursive: true });
  const scratch = await mkdtemp(join(input.workDir, `${custom.product}-${custom.version}-`));
  try {
    let plan: InstallPlan;
    try {
      plan = installCommand(
        custom,
        {
          package: input.packagePath,
          target: input.installDir,
          unpacked: join(scratch, 'package'),
          log: join(scratch, 'msiexec.log'),
        },
        platform,
        input.elevation ?? defaultElevation(platform),
      );
    } catch (e) {
      return await failWith(e, 'INSTALLER_UNSUPPORTED');
    }
    try {
      if (plan.kind === 'extract') await extractArchive(plan.archive, plan.into);
      if (plan.kind === 'copy') await copyInto(plan.from, plan.to, plan.mode);
      if (plan.kind === 'run' && plan.unpackInto !== null) await extractArchive(input.packagePath, plan.unpackInto);
    } catch (e) {
      return await failWith(e, 'INSTALL_FAILED');
    }
    if (plan.kind === 'run') {
      argv = plan.argv;
      const timeoutSeconds = custom.installer.timeoutSeconds;
      const ran = await runProcess(plan.argv, {
        cwd: plan.cwd,
        timeoutMs: timeoutSeconds * 1000,
        platform,
        log,
        ...(input.spawn === undefined ? {} : { spawn: input.spawn }),
      });
      outcome = ran;
      if (custom.installer.type === 'msi') log.write('stdout', await readMsiLog(join(scratch, 'msiexec.log')));
      log.flush();
      const succeeded =
        ran.exitCode === 0 ||
        (custom.installer.type === 'msi' && ran.exitCode !== null && MSI_RESTART_CODES.has(ran.exitCode));
      if (ran.timedOut || !succeeded) {
        const f = outcomeFailure(ran, timeoutSeconds, what, log.cause());
        return await fail(f, f.problem);
      }
    }
    try {
      detected = await detectVersion(custom.detection, {
        installDir: input.installDir,
        platform,
        ...(input.detectRun === undefined ? {} : { run: input.detectRun }),
      });
    } catch (e) {
      return await failWith(e, 'DETECTION_FAILED');
    }
    if (detected === null || !sameVersion(detected, custom.version)) {
      return await fail(
        detected === null
          ? {
              key: 'VERSION_NOT_REACHED.productMissing',
              params: { release: what, product: custom.product, version: custom.version },
            }
          : { key: 'VERSION_NOT_REACHED.otherVersion', params: { release: what, detected, version: custom.version } },
      );
    }
    return {
      fromVersion: input.system.installedVersion,
      toVersion: custom.version,
      detectedVersion: detected,
      log: log.text(),
      durationMs: Math.round(performance.now() - started),
      argv,
      restartRequired: outcome !== null && outcome.exitCode !== 0,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
