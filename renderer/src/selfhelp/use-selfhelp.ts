/**
 * A self-help read (a search, an article, a thread) that follows its inputs: a new search replaces the old one's
 * answer only if it is still the latest, so a slow answer to an earlier query never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SelfHelpEndpointName } from '../../../shared/contracts/portal-api.js';
import { toShownError, type ShownError } from '../lib/errors.js';
import { selfHelpCall, type SelfHelpInput, type SelfHelpOutput } from './selfhelp-call.js';

export interface SelfHelpRead<T> {
  data: T | null;
  error: ShownError | null;
  loading: boolean;
  /** Replaces what is shown (after an action that answers with the new state, like posting an answer). */
  set: (data: T) => void;
  reload: () => void;
}

/** `key` names the input: the read runs again whenever it changes; null waits (nothing to ask yet). */
export function useSelfHelp<N extends SelfHelpEndpointName>(
  endpoint: N,
  input: SelfHelpInput<N>,
  key: string | null,
): SelfHelpRead<SelfHelpOutput<N>> {
  const [state, setState] = useState<{ data: SelfHelpOutput<N> | null; error: ShownError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: key !== null,
  });
  const latest = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    selfHelpCall(endpoint, inputRef.current).then(
      (data) => {
        if (mine === latest.current) setState({ data, error: null, loading: false });
      },
      (e: unknown) => {
        if (mine === latest.current) setState({ data: null, error: toShownError(e), loading: false });
      },
    );
  }, [endpoint, key, round]);
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  const set = useCallback((data: SelfHelpOutput<N>) => setState({ data, error: null, loading: false }), []);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, set, reload };
}

/** The value after it has stopped changing for `ms`: a search runs when the typing pauses, not on every key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
