/** Entering the installed version of remote equipment (a system this desktop cannot inspect). */
import { useState, type FormEvent } from 'react';
import type { InventorySystemView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { systemsResource, updatesResource } from '../../state/resources.js';

export function SetVersionForm({ system, onDone }: { system: InventorySystemView; onDone: () => void }) {
  const [version, setVersion] = useState(system.installedVersion ?? '');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await api.call('systems.setVersion', { serialNumber: system.serialNumber, version: version.trim() });
      const list = systemsResource.get().data;
      if (list !== null) systemsResource.set(list.map((s) => (s.serialNumber === updated.serialNumber ? updated : s)));
      void updatesResource.refresh();
      onDone();
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} data-testid={`set-version-form-${system.serialNumber}`}>
      <label>
        Installed version of {system.serialNumber}
        <input name="version" value={version} onChange={(e) => setVersion(e.target.value)} placeholder="1.9.0" autoFocus spellCheck={false} />
      </label>
      <button type="submit" disabled={busy || version.trim() === ''}>
        Save version
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        Cancel
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
