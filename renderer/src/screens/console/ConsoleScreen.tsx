/** The back office for the vendor's portal administrators: one tab per area, its list or one of its records. */
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { CONSOLE_AREAS } from './areas.js';

export function ConsoleScreen({ area, id }: { area?: string | undefined; id?: string | undefined }) {
  const { t } = useT();
  const shown = CONSOLE_AREAS.find((a) => a.id === area) ?? CONSOLE_AREAS[0];
  if (shown === undefined) return null;
  const Record = shown.Record;
  return (
    <div className="screen" data-testid="console-screen">
      <h2 className="screen-title">{t('admin.console.title')}</h2>
      <nav aria-label={t('admin.console.areasLabel')}>
        <ul className="console-areas">
          {CONSOLE_AREAS.map((a) => (
            <li key={a.id}>
              <a
                href={hrefOf({ name: 'console', area: a.id })}
                aria-current={a.id === shown.id ? 'page' : undefined}
                data-testid={`console-area-${a.id}`}
              >
                {t(a.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {id !== undefined && Record !== undefined ? <Record id={id} /> : <shown.List />}
    </div>
  );
}
