/**
 * The placeholders of the catalog's installer arguments and detection rules: `{target}` (the install folder),
 * `{package}` (the downloaded file) and `{version}` (the version being installed). Substitution is plain text
 * replacement inside one argv element: a value never becomes more elements and never meets a shell.
 */

export interface PlaceholderValues {
  target: string;
  package?: string;
  version?: string;
}

export function substitute(template: string, values: PlaceholderValues): string {
  // one pass over the template, so a value that itself contains "{target}" is not expanded again
  return template.replace(
    /\{(target|package|version)\}/g,
    (whole, name: keyof PlaceholderValues) => values[name] ?? whole,
  );
}
