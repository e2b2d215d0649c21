/**
 * Outcome of validating user input.
 *
 * `code` is a stable English identifier (e.g. `ID_CHECKSUM`) for programs and
 * tests to branch on; `message` is a Chinese sentence shown to the user that
 * names what is wrong.
 */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function ok<T>(value: T): CheckResult<T> {
  return { ok: true, value };
}

export function fail<T>(code: string, message: string): CheckResult<T> {
  return { ok: false, code, message };
}
