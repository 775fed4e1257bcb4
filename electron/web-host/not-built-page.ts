/** Shown in place of the app when the renderer has not been built in this checkout. */
export function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hi-Care Update Manager</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b2430}code{background:#eef1f5;padding:.1rem .3rem;border-radius:3px}</style>
</head><body><h1>Hi-Care Update Manager</h1>
<p>The app's window has not been built in this checkout yet.</p>
<p>Build it with <code>npm run build</code>, then reload this page.</p></body></html>`;
}
