/**
 * Lists of the back office: a search text and a window (offset, limit) in, one page and the total out, so a console
 * and a script page through ten thousand customers the same way.
 */
import { z } from 'zod';

export const PAGE_LIMIT_DEFAULT = 25;
export const PAGE_LIMIT_MAX = 200;

/** Query-string numbers arrive as text; `coerce` reads them, the bounds keep a page affordable. */
export const ListQuerySchema = z
  .object({
    /** Matched, case-insensitively, against the list's names and ids. */
    q: z.string().trim().max(200).optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  })
  .strict();
export type ListQuery = z.output<typeof ListQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** How many match the search in all, not only on this page. */
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}
