/**
 * What the contract forms send: the create form's basis choice turned into exactly one of start, shipment (with
 * installation services and PAC) or renewal, and licensed majors typed one per line. Checked with the portal's own
 * schemas before sending, so a mistake is shown at once, in the same coded words the portal would use.
 */
import type { z } from 'zod';
import { invalidValues, plainIssues, safeParsePlain } from '../../../../../shared/api/plain-issues.js';
import { ContractCreateSchema, type ContractCreate } from '../../../../../shared/contracts/admin/contracts.js';
import type { DisplayLocale } from '../../../../../shared/i18n/locales.js';

export type BasisChoice = 'purchase-order' | 'shipment' | 'renewal';

export interface CreateForm {
  id: string;
  customerId: string;
  tier: string;
  region: string;
  timeZone: string;
  endDate: string;
  basis: BasisChoice;
  start: string;
  shippedOn: string;
  installationServices: boolean;
  pacOn: string;
  renews: string;
  licensed: string;
}

/** `atlas=2` lines into `{ atlas: 2 }`; undefined when the text is empty, null when a line is not PRODUCT=MAJOR. */
export function parseLicensed(text: string): Record<string, number> | undefined | null {
  const lines = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return undefined;
  const majors: Record<string, number> = {};
  for (const line of lines) {
    const m = /^([a-z0-9][a-z0-9-]*)\s*=\s*(\d{1,6})$/.exec(line);
    if (m === null) return null;
    majors[m[1]!] = Number(m[2]);
  }
  return majors;
}

/** The body for the chosen basis only: fields of the other bases, typed and then left, are not sent. */
export function createBody(
  form: CreateForm,
  licensedMajors: Record<string, number> | undefined,
): Record<string, unknown> {
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const body: Record<string, unknown> = {
    id: form.id.trim(),
    customerId: form.customerId.trim(),
    tier: optional(form.tier),
    region: optional(form.region),
    timeZone: optional(form.timeZone),
    endDate: form.endDate,
    licensedMajors,
  };
  if (form.basis === 'purchase-order') body['start'] = optional(form.start);
  if (form.basis === 'shipment') {
    body['shippedOn'] = optional(form.shippedOn);
    if (form.installationServices) {
      body['installationServices'] = true;
      body['pacOn'] = optional(form.pacOn);
    }
  }
  if (form.basis === 'renewal') body['renews'] = optional(form.renews);
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** The value as the schema parses it, or the coded INVALID_INPUT error the portal would answer with. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, locale: DisplayLocale): z.output<S> {
  const r = safeParsePlain(schema, value);
  if (r.success) return r.data;
  throw invalidValues(plainIssues(r.error, [], locale), 'INVALID_INPUT.valuesResend', {}, locale);
}

export function checkedCreate(
  form: CreateForm,
  licensed: Record<string, number> | undefined,
  locale: DisplayLocale,
): ContractCreate {
  return checked(ContractCreateSchema, createBody(form, licensed), locale);
}
