/**
 * The anchor of a heading in an article (`#…`): search and the assistant point into a section with it, and the
 * reader gives the heading the same id, so both compute it here, once. Letters and digits of any script are kept
 * (Chinese headings stay readable in a link), everything else becomes a single dash; a heading that repeats an
 * earlier one gets `-2`, `-3` …, the way readers expect from documentation sites.
 */

/** The slug of one heading's text, without the de-duplication; `section` when nothing is left. */
export function headingSlug(heading: string): string {
  const slug = heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'section';
}

/** Gives each heading of one article, in order, its unique anchor. */
export function headingSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = headingSlug(heading);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/** The anchors of an article's headings, in order, each unique within the article. */
export function headingAnchors(headings: readonly string[]): string[] {
  return headings.map(headingSlugger());
}
