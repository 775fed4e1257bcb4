// electron-builder's `beforeBuild` hook. vite bundles every module the main process uses into dist/electron, so the
// app needs no node_modules at run time. Answering false tells electron-builder that node_modules is handled here:
// it then neither installs nor rebuilds the production dependencies (the portal's among them) and packs none of them.
export default async function beforeBuild() {
  return false;
}
