import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };
// The version is baked into the built code: a built CLI runs where no package.json sits beside it.
const define = { __HICARE_VERSION__: JSON.stringify(version) };
// The main process bundles every module it uses, so the packaged app needs no node_modules: only Node's own modules
// and Electron stay outside (electron-builder.yml packs dist/ and nothing else).
const nodeExternals = [/^node:/, ...builtinModules, 'electron'];

// Builds from one file, chosen by --mode: the renderer (a web app), the main process (ESM for Node), the preload
// (CommonJS, because a sandboxed preload cannot load ES modules), the `hicare` CLI (one file that runs with Node
// alone) and the portal's CLI (its npm dependencies left outside: the portal is deployed with `npm ci --omit=dev`).
export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    return {
      root,
      define,
      ssr: { noExternal: true },
      build: {
        outDir: 'dist/cli',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        rollupOptions: {
          input: { hicare: 'electron/cli/entry.ts' },
          external: nodeExternals,
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            banner: '#!/usr/bin/env node',
            // One file: an npm package or a copy on a USB stick has nothing else to carry.
            inlineDynamicImports: true,
          },
        },
      },
    };
  }
  if (mode === 'portal-cli') {
    return {
      root,
      define,
      build: {
        outDir: 'dist/portal',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        sourcemap: true,
        rollupOptions: {
          input: { 'hicare-portal': 'portal/cli/main.ts' },
          output: { format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
        },
      },
    };
  }
  if (mode === 'main') {
    return {
      root,
      define,
      ssr: { noExternal: true },
      build: {
        outDir: 'dist/electron',
        // Emptied so no chunk of an earlier build is packed; the preload is built after this one.
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        sourcemap: true,
        rollupOptions: {
          // The launcher decides between the window and the command line (`--cli`) before loading either.
          input: { main: 'electron/main/launch.ts' },
          external: nodeExternals,
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      },
    };
  }
  if (mode === 'preload') {
    return {
      root,
      // A sandboxed preload can require only Electron's own modules: bundle everything else into it.
      ssr: { noExternal: true },
      build: {
        outDir: 'dist/electron',
        emptyOutDir: false,
        ssr: true,
        target: 'node20',
        rollupOptions: {
          input: { preload: 'electron/preload/preload.ts' },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    };
  }
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022', sourcemap: true },
  };
});
