/**
 * A post's author as the reader is shown it: the portal decides what may be seen (a company only when its author chose
 * to show it, never a customer's name); this only puts it into words.
 */
import type { PostAuthor } from '../../../shared/contracts/selfhelp/community.js';
import type { Translate } from '../../../shared/i18n/translator.js';

export function authorWords(author: PostAuthor, t: Translate): string {
  const who =
    author.kind === 'vendor'
      ? author.name === null
        ? t('app.selfhelp.author.vendor')
        : t('app.selfhelp.author.vendorNamed', { name: author.name })
      : author.company === null
        ? t('app.selfhelp.author.customer')
        : t('app.selfhelp.author.company', { company: author.company });
  return author.mine ? t('app.selfhelp.author.you', { who }) : who;
}
