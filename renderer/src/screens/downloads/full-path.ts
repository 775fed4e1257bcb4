/**
 * Whether typed text is a full path on the desktop the app runs on: `/…` on macOS and Linux, `C:\…` or a `\\server`
 * share on Windows. The window checks this before calling so a relative path is corrected at the field; the host
 * checks again, against the disk.
 */
export function isFullPath(text: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(text.trim());
}

/** The file name at the end of a path or catalog name (either separator). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
