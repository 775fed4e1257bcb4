/**
 * Entering the installed version of remote equipment (a system this desktop cannot inspect): one of the product's
 * versions in the vendor's catalog, or — ticked explicitly — one installed by other means, which is then shown
 * marked as not in the catalog.
 */
import { useState, type FormEvent } from 'react';
import type { InventorySystemView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/index.js';
import { contractsResource, systemsResource, updatesResource } from '../../state/resources.js';
import { useAction } from '../../state/use-action.js';

export function SetVersionForm({ system, onDone }: { system: InventorySystemView; onDone: () => void }) {
  const { t } = useT();
  const [version, setVersion] = useState(system.installedVersion ?? '');
  const [notInCatalog, setNotInCatalog] = useState(system.notInCatalog === true);
  const save = useAction(
    async () => {
      const updated = await api.call('systems.setVersion', {
        serialNumber: system.serialNumber,
        version: version.trim(),
        ...(notInCatalog ? { notInCatalog: true } : {}),
      });
      const list = systemsResource.get().data;
      if (list !== null) systemsResource.set(list.map((s) => (s.serialNumber === updated.serialNumber ? updated : s)));
      void updatesResource.refresh();
      // An entered new major the contract allowed advances the licensed version the overview shows.
      void contractsResource.refresh();
    },
    { onDone },
  );
  const { busy, error } = save;
  const errorId = `set-version-error-${system.serialNumber}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }

  return (
    <form className="inline-form" onSubmit={submit} data-testid={`set-version-form-${system.serialNumber}`}>
      <label>
        {t('app.systems.setVersion.label', { serialNumber: system.serialNumber })}
        <input
          name="version"
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          placeholder="1.9.0"
          autoFocus
          spellCheck={false}
          {...(error === null ? {} : { 'aria-describedby': errorId, 'aria-invalid': true })}
        />
      </label>
      <label className="inline">
        <input
          name="notInCatalog"
          type="checkbox"
          checked={notInCatalog}
          onChange={(e) => setNotInCatalog(e.target.checked)}
        />
        {t('app.systems.setVersion.notInCatalog')}
      </label>
      <button type="submit" disabled={busy || version.trim() === ''}>
        {t('app.systems.setVersion.save')}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('app.systems.setVersion.cancel')}
      </button>
      {error !== null && <ErrorNotice error={error} id={errorId} />}
    </form>
  );
}
