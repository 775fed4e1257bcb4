/**
 * Why a connection failed, in plain words. The operating system's names for it (ECONNREFUSED, ENOTFOUND …) never
 * reach a person; hosts keep the name in an error's details for whoever reads the log.
 */

const OFFLINE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing answered at that address',
  ENOTFOUND: 'its name could not be found',
  EAI_AGAIN: 'its name could not be looked up',
  ENETUNREACH: 'there is no network route to it',
  EHOSTUNREACH: 'there is no network route to it',
  EHOSTDOWN: 'it is switched off or disconnected',
  ENETDOWN: 'the network is down',
};

const CUT: Readonly<Record<string, string>> = {
  ECONNRESET: 'the connection was cut',
  EPIPE: 'the connection was cut',
  ECONNABORTED: 'the connection was cut',
  ETIMEDOUT: 'it stopped answering',
};

/** The words for a connection that could not be made at all, or undefined when the code is not one of those. */
export function offlineWords(code: string): string | undefined {
  return OFFLINE[code];
}

/** The words for any connection failure, with a neutral phrase for codes no one has named here. */
export function connectionWords(code: string): string {
  return OFFLINE[code] ?? CUT[code] ?? 'the connection failed';
}
