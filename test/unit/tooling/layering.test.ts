/** The layering rules of DESIGN.md §2, checked by running the project's own ESLint config on planted imports. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
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
    ['electron/core/planted.ts', "import Store from 'electron-store';\nexport const x = Store;"],
    ['electron/main/planted.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['portal/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s: a wrong import fails lint (%#)', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/domain/planted.ts', "import semver from 'semver';\nimport { z } from 'zod';\nexport const x = [semver, z];"],
    ['renderer/src/planted.tsx', "import { useState } from 'react';\nexport const x = useState;"],
    ['electron/core/planted.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;"],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['electron/main/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s: an allowed import passes (%#)', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
