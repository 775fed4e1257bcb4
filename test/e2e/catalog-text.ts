/**
 * What a screen shows that did not come from the message catalog. In the pseudo-locale every catalog message is
 * accented and wrapped in ⟦ ⟧; what is left outside the brackets, once the data a screen legitimately shows is set
 * aside (serial numbers, versions, names from the customer's records, dates from Intl), is text someone wrote in
 * code and forgot to put in the catalog.
 */
import type { Page } from '@playwright/test';

/**
 * Shapes of data, not words: every entry says what it is. A token is allowed when one of these matches it whole.
 * Demo records (company, product and account names, article titles) are the portal's data, shown as stored.
 */
const DATA: [string, RegExp][] = [
  ['numbers, sizes, percentages, versions and times', /^[\d.,:%/+\-–—−×()[\]#…•·|]+$/],
  ['a version with a prerelease tag', /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/],
  ['a serial number or a contract, request or article id', /^[A-Z]{2,}(?:-[A-Z0-9]+)+$/],
  ['an IANA time zone or UTC', /^(?:UTC|GMT|[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)$/],
  ['a month in a date Intl wrote', /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/],
  ['a unit Intl or the catalog writes after a number', /^(?:B|KB|MB|GB|TB|s|ms)$/],
  ['a priority', /^P[1-4]$/],
  ['an error code, quoted to support as it is', /^[A-Z]+(?:_[A-Z]+)+$/],
  ['a hash, fingerprint or token', /^[0-9A-Fa-f]{4,}$/],
  ['an e-mail address', /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i],
  [
    'a host, URL or file name',
    /^(?:[a-z]+:\/\/\S+|[\w.-]+\.(?:example|com|tar\.gz|zip|json|log|txt|exe|msi|sh|deb|rpm))$/i,
  ],
  [
    'a folder or file on this machine, or a package’s path in the catalog',
    /^(?:\/[\w.+-]+)+\/?$|^[\w.+-]+(?:\/[\w.+-]+){2,}$|^[A-Z]:\\\S*$/,
  ],
  ['a platform key', /^(?:linux|win|mac)-(?:x64|arm64)$/],
  // A combination such as Ctrl+Shift+U; Ctrl+, loses its comma to the split.
  ['a shortcut key', /^(?:(?:Ctrl|Cmd|Alt|Shift)\+)*(?:Ctrl|Cmd|Alt|Shift|Enter|Esc|[A-Z0-9])\+?$/],
  ['the product’s name', /^(?:Hi-Care|Hi‑Care)$/],
];

/**
 * Data is a token's shape (a pattern) or a whole record as stored (a string: a release note, an article title),
 * which is set aside as one phrase so its common words do not excuse the same words elsewhere on the screen.
 */
export type Data = RegExp | string;

/** Strips catalog messages (innermost first, since a message may hold another as a param) and splits the rest. */
export function outsideCatalog(text: string, data: readonly Data[] = []): string[] {
  let rest = text;
  // Longest first, so a record that contains another is set aside whole.
  const records = data.filter((d): d is string => typeof d === 'string').sort((a, b) => b.length - a.length);
  for (const record of records) rest = rest.replaceAll(record, ' ');
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  const allowed = [...DATA.map(([, pattern]) => pattern), ...data.filter((d) => d instanceof RegExp)];
  return (
    rest
      // A colon splits, except the one of a URL's scheme.
      .split(/[\s,;!?"“”'’()]+|:(?!\/\/)/)
      .map((token) => token.replace(/^[.…]+|[.…]+$/g, ''))
      .filter((token) => /\p{L}/u.test(token))
      .filter((token) => !allowed.some((pattern) => pattern.test(token)))
  );
}

/**
 * Visible text and the accessible names a screen reader would read (labels, titles, placeholders, alt text). Text
 * marked `translate="no"` (the HTML way to say "this is data, keep it as it is") is left out.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el === null || el.closest('script, style, [translate="no"]') !== null) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      parts.push(node.textContent ?? '');
    }
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder], [alt]')) {
      if (!el.checkVisibility() || el.closest('[translate="no"]') !== null) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value !== null) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

/** What the page shows now that is neither a catalog message nor data; empty when everything came from the catalog. */
export async function untranslated(page: Page, data: readonly Data[] = []): Promise<string[]> {
  return [...new Set(outsideCatalog(await visibleText(page), data))];
}
