/**
 * Why a connection failed, as a cause the catalog words: the operating system's names for it (ECONNREFUSED,
 * ENOTFOUND …) never reach a person; hosts keep the name in an error's details for whoever reads the log. A message
 * writes the cause with an ICU `select` on it, so each language says it as part of one whole sentence.
 */

export const CONNECTION_CAUSES = [
  'refused',
  'nameNotFound',
  'nameLookup',
  'noRoute',
  'hostDown',
  'networkDown',
  'cut',
  'stopped',
  'other',
] as const;
export type ConnectionCause = (typeof CONNECTION_CAUSES)[number];

const OFFLINE: Readonly<Record<string, ConnectionCause>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'nameNotFound',
  EAI_AGAIN: 'nameLookup',
  ENETUNREACH: 'noRoute',
  EHOSTUNREACH: 'noRoute',
  EHOSTDOWN: 'hostDown',
  ENETDOWN: 'networkDown',
};

const CUT: Readonly<Record<string, ConnectionCause>> = {
  ECONNRESET: 'cut',
  EPIPE: 'cut',
  ECONNABORTED: 'cut',
  ETIMEDOUT: 'stopped',
};

/** The cause of a connection that could not be made at all, or undefined when the code is not one of those. */
export function offlineCause(code: string): ConnectionCause | undefined {
  return OFFLINE[code];
}

/** The cause of any connection failure: `other` for codes no one has named here. */
export function connectionCause(code: string): ConnectionCause {
  return OFFLINE[code] ?? CUT[code] ?? 'other';
}
