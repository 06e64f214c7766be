import { HTTPException } from 'hono/http-exception';
import { CsError, type CsErrorCode } from '../domain/cs-error.js';

/** The one shape of every error on the wire: `{ "error": { "code", "message" } }`. */
export interface ErrorBody {
  error: { code: CsErrorCode; message: string };
}

const STATUS_CODES: Record<number, CsErrorCode> = {
  400: 'E_INVALID',
  401: 'E_UNAUTHENTICATED',
  403: 'E_REFUSED',
  404: 'E_NOT_FOUND',
  413: 'E_TOO_LARGE',
  429: 'E_THROTTLED',
};

/**
 * An error as the API answers it: a CsError with its code's status and its one-line message;
 * anything else is a bug, answered 500 with a message that gives nothing away (no stack, no
 * driver text), while `log` hears the real error.
 */
export function errorResponse(
  error: unknown,
  log?: (error: unknown) => void,
): { status: number; body: ErrorBody } {
  if (CsError.isInstance(error)) {
    return { status: error.httpStatus, body: { error: { code: error.code, message: error.message } } };
  }
  if (error instanceof HTTPException) {
    const code = STATUS_CODES[error.status] ?? 'E_INTERNAL';
    return {
      status: error.status,
      body: { error: { code, message: error.message || 'The request was refused.' } },
    };
  }
  log?.(error);
  return {
    status: 500,
    body: {
      error: { code: 'E_INTERNAL', message: 'Unexpected error on the server; it is in the server’s log.' },
    },
  };
}
