/** Self-help's three parts, one link each; the current one is marked for screen readers as well as by colour. */
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import '../../selfhelp/selfhelp.css';

export type SelfHelpTab = 'search' | 'ask' | 'community';

const HREFS: Record<SelfHelpTab, string> = {
  search: hrefOf({ name: 'selfhelp' }),
  ask: hrefOf({ name: 'selfhelp-ask' }),
  community: hrefOf({ name: 'selfhelp-community' }),
};

export function SelfHelpTabs({ current }: { current: SelfHelpTab }) {
  const { t } = useT();
  return (
    <>
      <h2 className="screen-title">{t('app.selfhelp.title')}</h2>
      <nav aria-label={t('app.selfhelp.tabs.label')} className="selfhelp-tabs">
        {(Object.keys(HREFS) as SelfHelpTab[]).map((tab) => (
          <a key={tab} href={HREFS[tab]} aria-current={tab === current ? 'page' : undefined}>
            {t(`app.selfhelp.tabs.${tab}`)}
          </a>
        ))}
      </nav>
    </>
  );
}
