/** The layering rules, checked by running the project's own ESLint config on planted imports. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layering by runtime', () => {
  it.each([
    ['shared/domain/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['shared/domain/planted.ts', "import fs from 'fs';\nexport const x = fs;"],
    ['shared/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/planted.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['shared/planted.ts', "import got from 'got';\nexport const x = got;"],
    ['shared/planted.ts', 'export const x = window.location;'],
    ['shared/planted.ts', 'export const x = process.env;'],
    ['renderer/src/planted.ts', "import { join } from 'node:path';\nexport const x = join;"],
    ['renderer/src/planted.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['electron/core/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/core/planted.ts', "import updater from 'electron-updater';\nexport const x = updater;"],
    ['electron/main/planted.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['portal/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s: a wrong import fails lint (%#)', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'shared/domain/planted.ts',
      "import semver from 'semver';\nimport { z } from 'zod';\nexport const x = [semver, z];",
    ],
    ['renderer/src/planted.tsx', "import { useState } from 'react';\nexport const x = useState;"],
    ['electron/core/planted.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;"],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['electron/main/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s: an allowed import passes (%#)', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});

/** A planted import of `specifier` from `file`; the module it names need not exist, since lint reads only the text. */
function plant(specifier: string): string {
  return `import { planted } from '${specifier}';\nexport const x = planted;`;
}

describe('layering by folder', () => {
  it.each([
    // file, import, the folder it wrongly reaches
    ['renderer/src/planted.ts', '../../electron/core/app-handlers.js', 'electron/core'],
    ['renderer/src/screens/planted.tsx', '../../../portal/server.js', 'portal'],
    ['renderer/src/planted.ts', '../../electron/main/ipc.js', 'electron/main'],
    ['renderer/src/a/b/c/d/planted.tsx', '../../../../../../portal/server.js', 'portal'],
    ['shared/domain/planted.ts', '../../renderer/src/api.js', 'renderer'],
    ['shared/planted.ts', '../electron/core/settings.js', 'electron/core'],
    ['shared/planted.ts', '../portal/server.js', 'portal'],
    ['electron/core/app/planted.ts', '../../../portal/server.js', 'portal'],
    ['electron/core/planted.ts', '../../portal/demo/seed.js', 'portal'],
    ['electron/core/planted.ts', '../main/ipc.js', 'electron/main'],
    ['electron/core/app/planted.ts', '../../main/main.js', 'electron/main'],
    ['electron/core/app/planted.ts', '../../../electron/web-host/main.js', 'electron/web-host'],
    ['electron/core/planted.ts', '../../renderer/src/api.js', 'renderer'],
    ['electron/core/planted.ts', '../demo/embedded-demo.js', 'electron/demo'],
    ['electron/core/planted.ts', '../cli/main.js', 'electron/cli'],
    ['electron/core/planted.ts', '../../test/unit/helpers.js', 'test'],
    ['electron/cli/planted.ts', '../../portal/server.js', 'portal'],
    ['electron/cli/planted.ts', '../demo/embedded-demo.js', 'electron/demo'],
    ['electron/cli/planted.ts', '../main/ipc.js', 'electron/main'],
    ['electron/main/planted.ts', '../../portal/server.js', 'portal'],
    ['electron/main/ipc.ts', '../../portal/server.js', 'portal'],
    ['electron/main/planted.ts', '../demo/embedded-demo.js', 'electron/demo'],
    ['electron/main/planted.ts', '../cli/main.js', 'electron/cli'],
    ['electron/main/planted.ts', '../../renderer/src/api.js', 'renderer'],
    ['electron/preload/planted.ts', '../core/settings.js', 'electron/core'],
    ['electron/preload/planted.ts', '../../portal/server.js', 'portal'],
    ['electron/web-host/planted.ts', '../../portal/server.js', 'portal'],
    ['electron/web-host/planted.ts', '../main/main.js', 'electron/main'],
    ['electron/demo/planted.ts', '../main/main.js', 'electron/main'],
    ['electron/demo/planted.ts', '../web-host/server.js', 'electron/web-host'],
    ['electron/demo/planted.ts', '../../renderer/src/api.js', 'renderer'],
    ['portal/planted.ts', '../electron/core/settings.js', 'electron/core'],
    ['portal/db/planted.ts', '../../electron/demo/embedded-demo.js', 'electron/demo'],
    ['portal/http/planted.ts', '../../renderer/src/api.js', 'renderer'],
    ['portal/planted.ts', '../scripts/start.mjs', 'scripts'],
  ])('%s importing %s fails lint: it reaches %s/', async (file, specifier, target) => {
    const errors = await restrictedImportErrors(file, plant(specifier));
    expect(errors).toEqual([expect.stringContaining(`not ${target}/`)]);
  });

  it.each([
    ['renderer/src/screens/planted.tsx', '../../../shared/contracts/app-api.js'],
    ['renderer/src/screens/planted.tsx', '../lib/format.js'],
    ['shared/domain/planted.ts', '../errors.js'],
    // core has a portal/ folder of its own (its client of the portal): reaching it is not reaching the portal.
    ['electron/core/app/planted.ts', '../portal/client.js'],
    ['electron/core/planted.ts', './portal/network.js'],
    ['electron/core/app/planted.ts', '../../../shared/errors.js'],
    ['electron/cli/planted.ts', '../core/settings.js'],
    ['electron/cli/planted.ts', '../../shared/errors.js'],
    ['electron/main/planted.ts', '../core/app-handlers.js'],
    ['electron/main/ipc.ts', '../core/app-handlers.js'],
    ['electron/main/planted.ts', '../../shared/api/define.js'],
    ['electron/preload/planted.ts', '../../shared/api/define.js'],
    ['electron/preload/planted.ts', './bridge.js'],
    ['electron/web-host/planted.ts', '../core/app/app-session.js'],
    ['electron/web-host/planted.ts', '../demo/embedded-demo.js'],
    ['electron/demo/planted.ts', '../../portal/server.js'],
    ['electron/demo/planted.ts', '../core/settings.js'],
    ['electron/demo/planted.ts', '../../shared/errors.js'],
    ['portal/http/planted.ts', '../../shared/errors.js'],
    ['portal/http/planted.ts', '../db/schema.js'],
    ['test/unit/planted.ts', '../../portal/server.js'],
    ['test/unit/planted.ts', '../../electron/demo/embedded-demo.js'],
    ['test/unit/planted.ts', '../../renderer/src/api.js'],
    ['scripts/planted.mjs', '../electron/demo/embedded-demo.js'],
  ])('%s importing %s passes', async (file, specifier) => {
    expect(await restrictedImportErrors(file, plant(specifier))).toEqual([]);
  });
});
