/**
 * The request a person names on the command line: its id, or its number as the portal and the TAC quote it
 * (`TAC-2026-000002`). A number is looked up among the requests the account can see, so a number of someone else's
 * request is as unknown as one that was never issued.
 */
import { isRequestNumber, normalRequestNumber } from '../../shared/domain/request-number.js';
import { HicareError } from '../../shared/errors.js';
import type { HicareClient } from '../core/client/hicare-client.js';

export async function requestIdOf(client: HicareClient, ref: string): Promise<string> {
  if (!isRequestNumber(ref)) return ref;
  const number = normalRequestNumber(ref);
  const { requests } = await client.portal.call('listRequests', { query: {} });
  const found = requests.find((r) => r.number === number);
  if (found === undefined) {
    throw new HicareError('NOT_FOUND.cliRequestNumber', { number }, { requestNumber: number });
  }
  return found.id;
}
