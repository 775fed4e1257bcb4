/** Turns whatever a call threw into what the user is shown: the code, what happened, the one thing to do. */

export interface ShownError {
  code?: string;
  message: string;
  remedy?: string;
}

export function toShownError(error: unknown): ShownError {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    const e = error as { code?: unknown; message: string; remedy?: unknown };
    return {
      message: e.message,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.remedy === 'string' && e.remedy !== '' ? { remedy: e.remedy } : {}),
    };
  }
  return { message: 'Something went wrong inside the app.', remedy: 'Try again; if it persists, restart the app.' };
}
