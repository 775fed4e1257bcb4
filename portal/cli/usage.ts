/** Wrong usage of the portal CLI (unknown flag, missing value): exit code 2 and the command's help. */
export class UsageError extends Error {}
