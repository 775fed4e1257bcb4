// `npm run package:files`: the files `npm run package` would put into the installed app, one per line, computed by
// electron-builder's own code (app-builder-lib) from electron-builder.yml, without Electron's binaries.
//
// It follows PlatformPackager.doPack/copyAppFiles step by step: the `files` matchers with electron-builder's default
// exclusions, then the production node_modules unless the `beforeBuild` hook says they are handled outside (as ours
// does), then `extraResources`. Paths are as packed: `app/...` inside app.asar, `resources/...` beside it.
// Run `npm run build` first: the list is what dist/ holds now.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { AppInfo, Arch, Packager, Platform } = require('app-builder-lib');
const { createElectronFrameworkSupport } = require('app-builder-lib/out/electron/ElectronFramework');
const { LinuxPackager } = require('app-builder-lib/out/linuxPackager');
const { getMainFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher');
const { computeFileSets, computeNodeModuleFileSets } = require('app-builder-lib/out/util/appFileCopier');
const { resolveFunction } = require('app-builder-lib/out/util/resolve');
const { log } = require('builder-util');

/** Where a packed file lands, relative to the app's resources folder, with forward slashes. */
function packedPaths(fileSets, resourcesDir) {
  const paths = [];
  for (const set of fileSets) {
    for (const file of set.files) {
      const stat = set.metadata.get(file);
      if (stat === undefined || stat.isDirectory()) continue;
      const destination = resolve(set.destination, relative(set.src, file));
      paths.push(relative(resourcesDir, destination).split(sep).join('/'));
    }
  }
  return paths;
}

/** The same question Packager.installAppDependencies asks: does electron-builder handle node_modules itself? */
async function nodeModulesHandledExternally(packager) {
  if (!packager.framework.isNpmRebuildRequired || packager.config.npmRebuild === false) return false;
  const root = await packager.getWorkspaceRoot();
  const hook = await resolveFunction(packager.appInfo.type, packager.config.beforeBuild, 'beforeBuild', root);
  if (hook === null || hook === undefined) return false;
  const answer = await hook({
    appDir: packager.appDir,
    electronVersion: packager.config.electronVersion,
    platform: Platform.LINUX,
    arch: 'x64',
  });
  return !answer;
}

/** The packed files for a Linux x64 build of the project in `projectDir` (the other platforms pack the same app). */
export async function packageFiles(projectDir) {
  // The hook path in electron-builder.yml is relative to the working directory, as in electron-builder's CLI.
  const previousDir = process.cwd();
  process.chdir(projectDir);
  try {
    const packager = new Packager({ projectDir, targets: Platform.LINUX.createTarget('dir', Arch.x64) });
    await packager.validateConfig();
    // What Packager.build sets up before packing, without its downloads.
    packager._appInfo = new AppInfo(packager, null);
    packager._framework = await createElectronFrameworkSupport(packager.config, packager);
    const platformPackager = new LinuxPackager(packager);

    const outDir = resolve(projectDir, packager.config.directories.output);
    const appOutDir = resolve(outDir, 'linux-unpacked');
    const resourcesDir = resolve(appOutDir, 'resources');
    const options = platformPackager.createGetFileMatchersOptions(
      outDir,
      Arch.x64,
      platformPackager.platformSpecificBuildOptions,
    );
    const appDestination = resolve(resourcesDir, 'app');

    const mainMatchers = getMainFileMatchers(
      packager.appDir,
      appDestination,
      options.macroExpander,
      platformPackager.platformSpecificBuildOptions,
      platformPackager,
      outDir,
      false,
    );
    const fileSets = await computeFileSets(mainMatchers, null, platformPackager, false);
    if (!(await nodeModulesHandledExternally(packager))) {
      const moduleMatcher = getNodeModuleFileMatcher(
        packager.appDir,
        appDestination,
        options.macroExpander,
        platformPackager.platformSpecificBuildOptions,
        packager,
      );
      fileSets.push(...(await computeNodeModuleFileSets(platformPackager, moduleMatcher)));
    }
    const resourceMatchers = platformPackager.getExtraFileMatchers(true, appOutDir, options) ?? [];
    // A matcher whose `from` is one file is copied as that file (copyFiles does so), not walked as a folder.
    const single = resourceMatchers.filter((m) => existsSync(m.from) && statSync(m.from).isFile());
    const folders = resourceMatchers.filter((m) => !single.includes(m));
    fileSets.push(...(await computeFileSets(folders, null, platformPackager, false)));
    const singleFiles = single.map((m) => relative(resourcesDir, m.to).split(sep).join('/'));

    await packager.tempDirManager.cleanup();
    return [...packedPaths(fileSets, resourcesDir), ...singleFiles].sort();
  } finally {
    process.chdir(previousDir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // electron-builder's progress lines go to stderr so stdout is the list alone.
  log.stream = process.stderr;
  const projectDir = fileURLToPath(new URL('..', import.meta.url));
  const files = await packageFiles(projectDir);
  process.stdout.write(`${files.join('\n')}\n`);
}
