import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_ROOT, locateShippedRoot } from '../../../electron/core/shipped-root.js';

const project = join(import.meta.dirname, '..', '..', '..');
const projectRoot = join(project, 'resources', 'trust', 'root.json');

describe('the vendor root shipped with the app is found from every layout', () => {
  it('from the sources (tests, the CLI, the web host)', () => {
    expect(SHIPPED_ROOT).toBe(projectRoot);
    expect(existsSync(SHIPPED_ROOT)).toBe(true);
  });

  it('from the bundled main process, dist/electron/main.js', () => {
    const bundle = pathToFileURL(join(project, 'dist', 'electron', 'main.js')).href;
    expect(locateShippedRoot(bundle, undefined)).toBe(projectRoot);
  });

  it("from a packaged app's resources folder, where electron-builder puts resources/trust", () => {
    const asar = pathToFileURL('/opt/Hi-Care Update Manager/resources/app.asar/dist/electron/main.js').href;
    const packaged = join('/opt/Hi-Care Update Manager/resources', 'trust', 'root.json');
    expect(locateShippedRoot(asar, '/opt/Hi-Care Update Manager/resources', (p) => p === packaged)).toBe(packaged);
  });

  it("in Electron run from the project (Electron's own resources folder has no root), the project's", () => {
    const bundle = pathToFileURL(join(project, 'dist', 'electron', 'main.js')).href;
    expect(locateShippedRoot(bundle, '/usr/lib/electron/resources', existsSync)).toBe(projectRoot);
  });
});
