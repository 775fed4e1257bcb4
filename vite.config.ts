import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
// The main process bundles every module it uses, so the packaged app needs no node_modules: only Node's own modules
// and Electron stay outside (electron-builder.yml packs dist/ and nothing else).
const nodeExternals = [/^node:/, ...builtinModules, 'electron'];

// Three builds from one file, chosen by --mode: the renderer (a web app), the main process (ESM for Node) and the
// preload (CommonJS, because a sandboxed preload cannot load ES modules).
export default defineConfig(({ mode }) => {
  if (mode === 'main') {
    return {
      root,
      ssr: { noExternal: true },
      build: {
        outDir: 'dist/electron',
        // Emptied so no chunk of an earlier build is packed; the preload is built after this one.
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        sourcemap: true,
        rollupOptions: {
          input: { main: 'electron/main/main.ts' },
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
