/** The app's bulk downloads folder, exporting downloads with their proof, and importing a bundle. */
import type { Messages } from '../../../messages.js';

export const bundles = {} satisfies Messages;
