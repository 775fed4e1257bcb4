/** Refusals of the back office: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { ErrorMessages } from '../../../error-messages.js';

const BASIS_REMEDY =
  'Give exactly one of: the purchase order’s start date, the shipment date, or the contract renewed.';

export const contractsErrors = {
  MISSING_START_DATE_BASIS: {
    none: {
      message: 'The contract does not say where its service starts.',
      remedy: BASIS_REMEDY,
    },
    several: {
      message: 'The contract gives more than one start: a purchase order date, a shipment date or a renewal.',
      remedy: BASIS_REMEDY,
    },
  },
  INVALID_INPUT: {
    pacBeforeShipment: {
      message: 'The preliminary acceptance ({pacDate}) is before the shipment ({shippedDate}).',
      remedy: 'Correct the PAC date or the shipment date: acceptance comes after shipment.',
    },
    renewsOtherCustomer: {
      message: 'Contract {contractId} belongs to another customer, not {customerId}.',
      remedy: 'Renew one of this customer’s own contracts, or create the contract from its purchase order or shipment.',
    },
    sameTier: {
      message: 'Contract {contractId} already has this tier.',
      remedy: 'Choose the other tier, or leave the contract as it is.',
    },
    tierChangeOutside: {
      message: 'A tier change on {changeDate} is outside the contract’s period.',
      remedy: 'Choose a date from {startDate} to {endDate}.',
    },
    contractFieldsMissing: {
      message: 'The contract needs these fields: {fields}.',
      remedy: 'Give them; only a renewal carries them over from the contract it renews.',
    },
  },
  CONTRACT_OVERLAP: {
    message: 'The contract overlaps another contract of the same customer.',
    remedy: 'Change the dates or the systems so that no system is covered twice on the same day.',
    systems: {
      message: 'System {serialNumber} is already covered by contract {contractId} from {startDate} to {endDate}.',
      remedy: 'Change the dates or the systems so that no system is covered twice on the same day.',
    },
  },
} satisfies ErrorMessages;
