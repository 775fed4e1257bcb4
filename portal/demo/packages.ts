/**
 * Builds the demo world's packages: real `.tar.gz` files whose install script really installs (or, for the one
 * release meant to fail, fails the way real installers do), together with the TUF target facts the seed publishes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ArchSchema,
  PlatformSchema,
  ReleaseTargetCustomSchema,
  type ReleaseTargetCustom,
} from '../../shared/contracts/catalog.js';
import { ProductIdSchema } from '../../shared/contracts/common.js';
import { parseVersion } from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import { DEMO_INSTALL_FAILURE, demoLifecycleOf, demoProduct, demoRelease, type DemoRelease } from './catalog.js';
import {
  crlf,
  installCmd,
  installSh,
  launcherCmd,
  launcherSh,
  type InstallerFailure,
  type ScriptSpec,
} from './installer-scripts.js';
import { writeTarGz, type TarEntry } from './tar.js';

export interface DemoPackageSpec {
  product: string;
  version: string;
  platform: string;
  arch: string;
  /** Build the failing installer. Defaults to what the catalog says about the release. */
  fail?: boolean;
}

export interface DemoPackage {
  /** The written `.tar.gz`: outDir joined with `<product>-<version>-<platform>-<arch>.tar.gz`. */
  file: string;
  sha256: string;
  length: number;
  custom: ReleaseTargetCustom;
}

type DemoProblem = 'demoProductId' | 'demoPlatform' | 'demoRelease' | 'demoBuild';

function invalid(problem: DemoProblem, spec: DemoPackageSpec): HicareError {
  const shown = {
    product: String(spec.product),
    version: String(spec.version),
    platform: String(spec.platform),
    arch: String(spec.arch),
  };
  return new HicareError(
    `INVALID_INPUT.${problem}`,
    { product: shown.product, version: shown.version, platform: `${shown.platform}-${shown.arch}` },
    shown,
  );
}

/** Everything that ends up in a script is checked first, so no value can break out of its quoting. */
function resolve(spec: DemoPackageSpec): {
  release: DemoRelease;
  platform: ReleaseTargetCustom['platform'];
  arch: ReleaseTargetCustom['arch'];
} {
  if (!ProductIdSchema.safeParse(spec.product).success) throw invalid('demoProductId', spec);
  parseVersion(spec.version);
  const platform = PlatformSchema.safeParse(spec.platform);
  const arch = ArchSchema.safeParse(spec.arch);
  if (!platform.success || !arch.success) throw invalid('demoPlatform', spec);
  const release = demoRelease(spec.product, spec.version);
  if (release === undefined) throw invalid('demoRelease', spec);
  if (!release.platforms.some((t) => t.platform === platform.data && t.arch === arch.data)) {
    throw invalid('demoBuild', spec);
  }
  return { release, platform: platform.data, arch: arch.data };
}

function failureFor(release: DemoRelease, fail: boolean | undefined): InstallerFailure | undefined {
  if (!(fail ?? release.installerFails === true)) return undefined;
  return { exitCode: DEMO_INSTALL_FAILURE.exitCode, cause: DEMO_INSTALL_FAILURE.cause };
}

function entries(
  release: DemoRelease,
  platform: ReleaseTargetCustom['platform'],
  arch: string,
  failure: InstallerFailure | undefined,
): TarEntry[] {
  const { product, version } = release;
  const name = demoProduct(product)?.name ?? product;
  const description = demoProduct(product)?.description ?? '';
  const windows = platform === 'win';
  // text the customer opens on Windows gets CRLF so Notepad shows its lines
  const text = (s: string): string => (windows ? crlf(s) : s);
  const spec: ScriptSpec = { product, version, platform: `${platform}-${arch}` };
  if (failure !== undefined) spec.failure = failure;
  const files: TarEntry[] = [
    {
      path: 'payload/README.txt',
      mode: 0o644,
      content: text(
        `${name} ${version}\n\n${description}\n\nThe VERSION file next to this one names the installed version.\n`,
      ),
    },
    {
      path: 'payload/RELEASE-NOTES.txt',
      mode: 0o644,
      content: text(`${name} ${version} (${release.publishedAt.slice(0, 10)})\n\n${release.notes}\n`),
    },
    {
      path: `payload/etc/${product}.conf`,
      mode: 0o644,
      content: text(`# ${name} settings\nlog.level = info\nlog.retainDays = 30\n`),
    },
  ];
  if (windows) {
    files.push(
      { path: 'install.cmd', mode: 0o644, content: installCmd(spec) },
      { path: `payload/bin/${product}.cmd`, mode: 0o644, content: launcherCmd(product) },
    );
  } else {
    files.push(
      { path: 'install.sh', mode: 0o755, content: installSh(spec) },
      { path: `payload/bin/${product}`, mode: 0o755, content: launcherSh(product) },
    );
  }
  return files;
}

function customFor(
  release: DemoRelease,
  platform: ReleaseTargetCustom['platform'],
  arch: ReleaseTargetCustom['arch'],
): ReleaseTargetCustom {
  const lifecycle = demoLifecycleOf(release.product, release.version);
  return ReleaseTargetCustomSchema.parse({
    product: release.product,
    version: release.version,
    platform,
    arch,
    installer: {
      type: 'script',
      entry: platform === 'win' ? 'install.cmd' : 'install.sh',
      args: ['{target}'],
      timeoutSeconds: 120,
    },
    detection: { kind: 'file', path: `{target}/${release.product}/VERSION`, regex: '^(\\S+)' },
    ...(release.minUpgradeFrom === undefined ? {} : { minUpgradeFrom: release.minUpgradeFrom }),
    publishedAt: release.publishedAt,
    notes: release.notes,
    ...(lifecycle === undefined ? {} : { lifecycle: { ...lifecycle } }),
  });
}

/** Writes `<outDir>/<product>-<version>-<platform>-<arch>.tar.gz` and returns what its TUF target records. */
export async function buildDemoPackage(spec: DemoPackageSpec, outDir: string): Promise<DemoPackage> {
  const { release, platform, arch } = resolve(spec);
  const custom = customFor(release, platform, arch);
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${release.product}-${release.version}-${platform}-${arch}.tar.gz`);
  const { sha256, length } = await writeTarGz(entries(release, platform, arch, failureFor(release, spec.fail)), file);
  return { file, sha256, length, custom };
}
