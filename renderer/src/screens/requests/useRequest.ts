/** One request's detail, reloaded whenever the portal says it changed (state, message, grant) or lost track. */
import { useCallback, useEffect, useState } from 'react';
import type { ServiceRequestDetail } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { useApiEvent } from '../../state/hooks.js';

export function useRequest(id: string) {
  const [detail, setDetail] = useState<ServiceRequestDetail | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const reload = useCallback(
    () =>
      api.call('requests.get', { id }).then(
        (d) => {
          setDetail(d);
          setError(null);
        },
        (e: unknown) => setError(toShownError(e)),
      ),
    [id],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  useApiEvent('requests.changed', (change) => {
    if (change.id === id) void reload();
  });
  useApiEvent('requests.reset', () => void reload());
  return { detail, error, reload };
}

/** The request list, reloaded on any change. */
export function useRequestList() {
  const [requests, setRequests] = useState<Awaited<ReturnType<typeof loadList>> | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const reload = useCallback(
    () =>
      loadList().then(
        (r) => {
          setRequests(r);
          setError(null);
        },
        (e: unknown) => setError(toShownError(e)),
      ),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  useApiEvent('requests.changed', () => void reload());
  useApiEvent('requests.reset', () => void reload());
  return { requests, error, reload };
}

async function loadList() {
  return (await api.call('requests.list', {})).requests;
}
