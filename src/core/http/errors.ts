/**
 * The one error type of the platform. Every failure a user can cause is an
 * AppError with a stable code, a Chinese message and, where it applies, the
 * offending field; the HTTP layer renders it as
 * `{ error: { code, message, field?, details?, requestId } }`.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A workflow step the record's current state does not allow (src/core/workflow). */
  WORKFLOW_ILLEGAL_TRANSITION: 409,
  /** A workflow step started from a version someone else has moved on from. */
  WORKFLOW_VERSION_CONFLICT: 409,
  /** An edit of a record started from a version someone else has changed since (optimistic locking). */
  STALE_VERSION: 409,
  /** An edit of a record whose state forbids edits now (e.g. under public notice, or closed). */
  RECORD_FROZEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetail = { field?: string; code: string; message: string };

/** The figures behind a refusal (e.g. a cap, what was given, what was asked), for a client to show without parsing the message. */
export type ErrorFigures = Readonly<Record<string, number | string>>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Every refused field (validation), or the figures of one refusal. */
  readonly details: ErrorDetail[] | ErrorFigures | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: ErrorDetail[] | ErrorFigures } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
