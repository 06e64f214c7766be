/**
 * One line for a failed `fetch` to another service (a product's API, a webhook's receiver): a
 * timeout, a refused connection, an unknown host, else the cause's own message. `peer` names
 * what should have answered, for the hint.
 */
export function describeFetchError(error: unknown, timeoutMs: number, peer: string): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      return `timed out after ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      if (code === 'ECONNREFUSED') return `connection refused (is the ${peer} running?)`;
      if (code === 'ENOTFOUND') return 'host not found';
      return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
    }
    return error.message;
  }
  return String(error);
}
