/**
 * A heading's anchor: its words lowercased and joined with '-', letters of every script kept, so Chinese headings get
 * readable anchors too. A repeated heading gets '-2', '-3', … in the order it appears, as readers of GitHub expect.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
  return slug === '' ? 'section' : slug;
}

/** Gives each heading of one document a unique anchor. */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}
