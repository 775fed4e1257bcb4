/** A product's id as a person reads it: "atlas" → "Atlas", "asset-manager" → "Asset Manager". */
export function productLabel(product: string): string {
  return product
    .split('-')
    .map((w) => (w === '' ? w : w[0]?.toUpperCase() + w.slice(1)))
    .join(' ');
}
