/** The fields of an article's content, shared by the new-article form and the editor of a new revision. */
import { ARTICLE_KINDS, ARTICLE_LOCALES } from '../../../../../shared/contracts/knowledge.js';
import { articleKindWords } from '../../../../../shared/domain/article-words.js';
import { useT } from '../../../i18n/index.js';
import type { ArticleForm } from './article-form.js';

export function ArticleFields({
  form,
  onChange,
  testId,
}: {
  form: ArticleForm;
  onChange: (form: ArticleForm) => void;
  testId: string;
}) {
  const { t } = useT();
  const set = <K extends keyof ArticleForm>(key: K, value: ArticleForm[K]) => onChange({ ...form, [key]: value });
  return (
    <>
      <label>
        {t('admin.articles.articleTitle')}
        <input value={form.title} onChange={(e) => set('title', e.target.value)} data-testid={`${testId}-title`} />
      </label>
      <label>
        {t('admin.articles.kind')}
        <select
          value={form.kind}
          onChange={(e) => set('kind', e.target.value as ArticleForm['kind'])}
          data-testid={`${testId}-kind`}
        >
          {ARTICLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {articleKindWords(k, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.articles.product')}
        <input
          value={form.product}
          placeholder={t('admin.articles.everyProduct')}
          onChange={(e) => set('product', e.target.value)}
          data-testid={`${testId}-product`}
        />
      </label>
      <label>
        {t('admin.articles.versions')}
        <input
          value={form.versions}
          placeholder={t('admin.articles.everyVersion')}
          onChange={(e) => set('versions', e.target.value)}
          data-testid={`${testId}-versions`}
        />
      </label>
      <label>
        {t('admin.articles.locale')}
        <select
          value={form.locale}
          onChange={(e) => set('locale', e.target.value as ArticleForm['locale'])}
          data-testid={`${testId}-locale`}
        >
          {ARTICLE_LOCALES.map((l) => (
            <option key={l} value={l} translate="no">
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.articles.body')}
        <textarea
          rows={14}
          value={form.body}
          onChange={(e) => set('body', e.target.value)}
          data-testid={`${testId}-body`}
        />
      </label>
      <label>
        {t('admin.articles.record.exitCodes')}
        <input
          value={form.exitCodes}
          onChange={(e) => set('exitCodes', e.target.value)}
          data-testid={`${testId}-exit-codes`}
        />
        <span className="muted small">{t('admin.articles.record.exitCodesHint')}</span>
      </label>
      <label>
        {t('admin.articles.record.logContains')}
        <input
          value={form.logContains}
          onChange={(e) => set('logContains', e.target.value)}
          data-testid={`${testId}-log-contains`}
        />
        <span className="muted small">{t('admin.articles.record.logContainsHint')}</span>
      </label>
      <label>
        {t('admin.articles.note')}
        <input value={form.note} onChange={(e) => set('note', e.target.value)} data-testid={`${testId}-note`} />
      </label>
    </>
  );
}
