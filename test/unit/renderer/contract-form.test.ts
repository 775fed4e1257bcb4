import { describe, expect, it } from 'vitest';
import {
  checkedCreate,
  createBody,
  parseLicensed,
  type CreateForm,
} from '../../../renderer/src/screens/console/contracts/form.js';
import { codeOf } from '../../support.js';

const FORM: CreateForm = {
  id: ' NW-2 ',
  customerId: 'northwind',
  tier: 'support',
  region: 'EMEA',
  timeZone: 'UTC',
  endDate: '2028-03-04',
  basis: 'purchase-order',
  start: '2027-03-05',
  shippedOn: '2026-12-05',
  installationServices: true,
  pacOn: '2027-01-20',
  renews: 'NW-1',
  licensed: '',
};
const COMMON = {
  id: 'NW-2',
  customerId: 'northwind',
  tier: 'support',
  region: 'EMEA',
  timeZone: 'UTC',
  endDate: '2028-03-04',
};

describe('the contract create form', () => {
  it.each<[string, Partial<CreateForm>, Record<string, unknown>]>([
    ['purchase order: the start only', {}, { start: '2027-03-05' }],
    [
      'shipment with installation: shipment and PAC',
      { basis: 'shipment' },
      { shippedOn: '2026-12-05', installationServices: true, pacOn: '2027-01-20' },
    ],
    ['shipment alone: no PAC sent', { basis: 'shipment', installationServices: false }, { shippedOn: '2026-12-05' }],
    ['renewal: the renewed contract only', { basis: 'renewal' }, { renews: 'NW-1' }],
    ['a blank start is left out', { start: ' ' }, {}],
  ])('%s', (_name, over, basis) => {
    expect(createBody({ ...FORM, ...over }, undefined)).toEqual({ ...COMMON, ...basis });
  });

  it.each<[string, string, Record<string, number> | undefined | null]>([
    ['nothing', ' \n ', undefined],
    ['lines and commas', 'atlas=2\nbeacon = 3, cobalt=4', { atlas: 2, beacon: 3, cobalt: 4 }],
    ['a bad line', 'atlas two', null],
    ['a negative major', 'atlas=-1', null],
  ])('reads licensed majors: %s', (_name, text, majors) => {
    expect(parseLicensed(text)).toEqual(majors);
  });

  it('checks with the portal’s schema before sending', () => {
    expect(checkedCreate(FORM, { atlas: 2 }, 'en')).toMatchObject({
      start: '2027-03-05',
      licensedMajors: { atlas: 2 },
    });
    expect(codeOf(() => checkedCreate({ ...FORM, endDate: '' }, undefined, 'en'))).toBe('INVALID_INPUT');
  });
});
