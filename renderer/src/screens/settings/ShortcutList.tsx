/** The keyboard shortcuts of the main actions, with the keys as this computer writes them. */
import { keysText, SHORTCUTS } from '../../../../shared/shortcuts.js';
import { onMac } from '../../lib/shortcuts.js';

export function ShortcutList() {
  const mac = onMac(navigator.userAgent);
  return (
    <section aria-labelledby="shortcuts-heading" className="card" data-testid="shortcuts">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table className="table shortcuts">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>{s.label}</td>
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
