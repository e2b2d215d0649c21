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
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetail = { field?: string; code: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: ErrorDetail[] } = {}) {
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
