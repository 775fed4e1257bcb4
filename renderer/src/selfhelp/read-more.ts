/**
 * Where "Read more" leads from the system page: a self-help search for the subject, on the system's product, so the
 * reader lands on the articles about the lifecycle notice or the refusal they are looking at.
 */
import { hrefOf } from '../lib/routes.js';

/** A coded reason's own words for a search: `UPGRADE_NOT_COVERED` reads "upgrade not covered". */
export function codeWords(code: string): string {
  return code.split('.')[0]?.toLowerCase().replace(/_+/g, ' ').trim() ?? '';
}

export function readMoreHref(product: string, words: string, version?: string | null): string {
  return hrefOf({
    name: 'selfhelp',
    product,
    ...(words.trim() === '' ? {} : { q: words.trim() }),
    ...(version === undefined || version === null ? {} : { version }),
  });
}
