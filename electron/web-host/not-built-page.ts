/** Shown in place of the app when the renderer has not been built in this checkout (unstyled: the CSP allows no inline style). */
export function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hi-Care Update Manager</title>
</head><body><h1>Hi-Care Update Manager</h1>
<p>The app's window has not been built in this checkout yet.</p>
<p>Build it with <code>npm run build</code>, then reload this page.</p></body></html>`;
}
