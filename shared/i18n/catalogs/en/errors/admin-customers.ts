/** Refusals of the back office: Customers, their accounts and their covered systems. */
import type { ErrorMessages } from '../../../error-messages.js';

export const customersErrors = {
  FORBIDDEN: {
    adminDisableSelf: {
      message: 'You cannot disable your own account.',
      remedy: 'Ask another portal administrator to disable it, if it must be.',
    },
  },
  NOT_FOUND: {
    adminSystem: {
      message: 'No contract lists a system with serial number {serialNumber}.',
      remedy: 'Check the serial number, or add the system to its contract first.',
    },
  },
  ALREADY_EXISTS: {
    systemRetired: {
      message: 'System {serialNumber} was already retired at {retiredAt}.',
      remedy: 'Nothing to do: it is no longer covered. Add it to a contract again if it returns to service.',
    },
  },
} satisfies ErrorMessages;
