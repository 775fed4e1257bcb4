/** Where a search hit or an assistant's passage leads: the article at its section, or the community thread. */
import type { KbSource } from '../../../shared/contracts/knowledge.js';
import { hrefOf } from '../lib/routes.js';

export function sourceHref(item: { source: KbSource; id: string; anchor: string | null }): string {
  if (item.source === 'community') return hrefOf({ name: 'selfhelp-question', id: item.id });
  const section = item.anchor?.replace(/^#/, '') ?? '';
  return hrefOf({ name: 'selfhelp-article', id: item.id, ...(section === '' ? {} : { section }) });
}
