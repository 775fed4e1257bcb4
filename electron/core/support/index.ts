/** The support bundle: what it carries, how it is redacted, previewed and packed. */
export { redactForBundle, redactJsonLines, redactJsonValue } from './bundle-redaction.js';
export {
  MAX_FAILURES,
  PREVIEW_CHARS,
  SupportBundle,
  bundleFileName,
  gatherSupportFiles,
  previewOf,
  writeSupportBundle,
  type BundleFile,
  type PreviewFile,
  type SupportBundleSource,
} from './support-bundle.js';
export { tarGz, type TarEntry } from './tar-gz.js';
