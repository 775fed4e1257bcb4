// Layering by runtime is enforced here (and backed by each layer's tsconfig): a wrong import fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodePatterns = [{ group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' }];
const noNode = nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node.' }));
const noElectron = [
  { name: 'electron', message: 'Only electron/main and electron/preload may use Electron (DESIGN.md §2).' },
  { name: 'electron-store', message: 'electron-store loads Electron; use conf in core.' },
  { name: 'electron-updater', message: 'Only electron/main may use electron-updater.' },
];
const noReact = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'].map((name) => ({
  name,
  message: 'shared/ is pure TypeScript: no React.',
}));
const serverOnly = ['got', 'fastify', 'kysely', 'better-sqlite3', 'pg', 'pino', 'tuf-js', '@tufjs/models', 'conf', 'hpagent'].map(
  (name) => ({ name, message: 'A Node-only library: not in this layer.' }),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.data/**', 'portal-data/**'] },
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
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode, ...noElectron, ...noReact, ...serverOnly], patterns: nodePatterns }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode, ...noElectron, ...serverOnly], patterns: nodePatterns }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web-host/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { paths: [...noElectron, ...noReact] }] },
  },
  {
    // Only the IPC wiring touches ipcMain, so every handler goes through the contract's validation.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Register handlers in electron/main/ipc.ts only.' }, ...noReact] },
      ],
    },
  },
  {
    // The preload exposes the derived API and nothing else: the page never sees ipcRenderer.
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...noReact, ...serverOnly] }] },
  },
  {
    files: ['portal/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { paths: [...noElectron, ...noReact] }] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'scripts/**/*.mjs', 'bin/**/*.js', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
);
