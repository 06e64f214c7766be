/** Stable error codes; one table maps them to exit codes, HTTP statuses and MCP tool errors. */
export const ERROR_CODES = {
  E_USAGE: { exit: 2, http: 400 },
  E_INVALID: { exit: 2, http: 400 },
  E_NOT_FOUND: { exit: 1, http: 404 },
  E_AMBIGUOUS: { exit: 1, http: 409 },
  E_CONFLICT: { exit: 1, http: 409 },
  E_REFUSED: { exit: 1, http: 403 },
  /** No credentials, or ones that are not (or no longer) valid: sign in (`cs serve`). */
  E_UNAUTHENTICATED: { exit: 1, http: 401 },
  /** A request body over the size limit (`cs serve`). */
  E_TOO_LARGE: { exit: 2, http: 413 },
  /** Too many failed attempts (sign-in): wait and try again. */
  E_THROTTLED: { exit: 1, http: 429 },
  E_LOCKED: { exit: 1, http: 423 },
  /** A stored file (info.json, session.json ...) cannot be read; the message names it and the repair. */
  E_CORRUPT: { exit: 1, http: 500 },
  E_UPSTREAM: { exit: 1, http: 502 },
  E_CONFIG: { exit: 2, http: 500 },
  E_INTERNAL: { exit: 1, http: 500 },
} as const;

export type CsErrorCode = keyof typeof ERROR_CODES;

const MARK = Symbol.for('customer-service.CsError');

/**
 * The one error type of the system. The message is what a user reads: it says what is wrong
 * and how to fix it, in one line.
 *
 * @example throw new CsError('E_NOT_FOUND', 'No customer with phone 13800138000.')
 */
export class CsError extends Error {
  override readonly name = 'CsError';
  readonly code: CsErrorCode;
  /** Extra data for machine readers (candidates of an ambiguous lookup, ...). */
  readonly details: Record<string, unknown> | undefined;
  readonly [MARK] = true;

  constructor(
    code: CsErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details;
  }

  /** True for a CsError, also one from another copy of this module. */
  static isInstance(value: unknown): value is CsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARK] === true;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

/** Turns a zod error into one readable line: the first problems with their field paths. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
