/** The signed-in session (account, portal, trust, demo accounts) for every screen, and signing out. */
import { createContext, useContext } from 'react';
import type { SessionView } from '../../../shared/contracts/app-views.js';
import type { Role } from '../../../shared/domain/request-state.js';

export interface SessionContextValue {
  session: SessionView | null;
  setSession: (session: SessionView) => void;
}

export const SessionContext = createContext<SessionContextValue>({ session: null, setSession: () => undefined });

export function useSession(): SessionContextValue & { role: Role | null } {
  const value = useContext(SessionContext);
  return { ...value, role: value.session?.account?.role ?? null };
}
