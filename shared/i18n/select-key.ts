/**
 * An identifier as an ICU select key. Select keys cannot hold a hyphen, so `in-progress` is chosen as `inProgress`
 * and a list of identifiers (the roles that may act) as their keys run together: `customerAdminPortalAdmin`.
 */
export function selectKey(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function selectKeyOfList(ids: readonly string[]): string {
  return ids.map((id, i) => (i === 0 ? selectKey(id) : capital(selectKey(id)))).join('');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
