/**
 * A state or role identifier as a catalog `select` keys it. ICU select keys cannot hold hyphens, so `in-progress`
 * travels as `inProgress`; the identifier itself stays in the error's details for code to read.
 */
export function selectKey(identifier: string): string {
  return identifier.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
