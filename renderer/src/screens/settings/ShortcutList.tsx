/** The keyboard shortcuts of the main actions, with the keys as this computer writes them. */
import { keysText, SHORTCUTS } from '../../../../shared/shortcuts.js';
import { useT } from '../../i18n/index.js';
import { onMac } from '../../lib/shortcuts.js';

export function ShortcutList() {
  const { t } = useT();
  const mac = onMac(navigator.userAgent);
  return (
    <section aria-labelledby="shortcuts-heading" className="card" data-testid="shortcuts">
      <h2 id="shortcuts-heading">{t('app.settings.shortcuts.heading')}</h2>
      <table className="table shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('app.settings.shortcuts.action')}</th>
            <th scope="col">{t('app.settings.shortcuts.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>{t(`app.settings.shortcuts.names.${s.id}`)}</td>
              <td>
                <kbd>{keysText(s.accelerator, mac)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
