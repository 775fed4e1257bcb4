// Layering by runtime is enforced here (and backed by each layer's tsconfig): a wrong import fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodePatterns = [{ group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' }];
const noNode = nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node.' }));
const noElectron = [
  { name: 'electron', message: 'Only electron/main and electron/preload may use Electron (DESIGN.md §2).' },
  { name: 'electron-updater', message: 'Only electron/main may use electron-updater.' },
];
const noReact = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'].map((name) => ({
  name,
  message: 'shared/ is pure TypeScript: no React.',
}));
const serverOnly = [
  'got',
  'fastify',
  'kysely',
  'better-sqlite3',
  'pg',
  'pino',
  'tuf-js',
  '@tufjs/models',
  'conf',
  'hpagent',
].map((name) => ({ name, message: 'A Node-only library: not in this layer.' }));
const ipcMainOutsideWiring = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'Register handlers in electron/main/ipc.ts only.',
};

// Layers by folder, as VS Code's code-layering: which of our folders each layer may import besides its own.
// electron/demo starts the demo portal for the hosts that offer it, so only the web host (and scripts and tests)
// may import it; a packaged app never reaches the portal. test/, scripts/ and bin/ may import anything.
const ourFolders = ['shared', 'renderer', 'portal', 'test', 'scripts', 'bin'].concat(
  ['core', 'cli', 'main', 'preload', 'web-host', 'demo'].map((name) => `electron/${name}`),
);
const layers = {
  shared: [],
  renderer: ['shared'],
  portal: ['shared'],
  'electron/core': ['shared'],
  'electron/cli': ['shared', 'electron/core'],
  'electron/main': ['shared', 'electron/core'],
  'electron/preload': ['shared'],
  'electron/web-host': ['shared', 'electron/core', 'electron/demo'],
  'electron/demo': ['shared', 'electron/core', 'portal'],
};
// no-restricted-imports compares the import text, not the resolved file, so each depth below a layer's folder gets
// its own patterns ('../../portal' from electron/core/app/x.ts, '../portal' would be core's own portal/ folder).
const deepestFolder = 8;

/** The import texts that reach `target` from a file `depth` folders below `layer`: the short way and via the root. */
function pathsTo(layer, depth, target) {
  const from = posix.join(layer, ...Array(depth).fill('x'));
  const short = posix.relative(from, target);
  const viaRoot = `${'../'.repeat(from.split('/').length)}${target}`;
  return [...new Set([short, viaRoot])].flatMap((text) => [text, `${text}/**`]);
}

function folderPatterns(layer, depth) {
  const allowed = layers[layer];
  const rule =
    allowed.length === 0
      ? 'imports nothing of ours outside itself'
      : `may import only ${allowed.join('/, ')}/ and itself`;
  return ourFolders
    .filter((target) => target !== layer && !allowed.includes(target))
    .map((target) => ({ group: pathsTo(layer, depth, target), message: `${layer}/ ${rule}, not ${target}/.` }));
}

/** One block per depth below `layer`, each restricting packages (`paths`, `patterns`) and our folders together. */
function layerRules(layer, { paths = [], patterns = [], ignores = [] } = {}) {
  return Array.from({ length: deepestFolder + 1 }, (_, depth) => ({
    files: [`${layer}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    ignores,
    rules: { 'no-restricted-imports': ['error', { paths, patterns: [...patterns, ...folderPatterns(layer, depth)] }] },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'portal-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'] },
  },
  ...layerRules('shared', { paths: [...noNode, ...noElectron, ...noReact, ...serverOnly], patterns: nodePatterns }),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'] },
  },
  ...layerRules('renderer', { paths: [...noNode, ...noElectron, ...serverOnly], patterns: nodePatterns }),
  {
    files: ['electron/{core,cli,main,web-host,demo}/**/*.ts', 'portal/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  ...['electron/core', 'electron/cli', 'electron/web-host', 'electron/demo', 'portal'].flatMap((layer) =>
    layerRules(layer, { paths: [...noElectron, ...noReact] }),
  ),
  // Only the IPC wiring touches ipcMain, so every handler goes through the contract's validation.
  ...layerRules('electron/main', { paths: [ipcMainOutsideWiring, ...noReact], ignores: ['electron/main/ipc.ts'] }),
  {
    files: ['electron/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noReact, patterns: folderPatterns('electron/main', 0) }] },
  },
  // The preload exposes the derived API and nothing else: the page never sees ipcRenderer.
  ...layerRules('electron/preload', { paths: [...noReact, ...serverOnly] }),
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'scripts/**/*.mjs', 'bin/**/*.js', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
);
