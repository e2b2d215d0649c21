import type { ZodType } from 'zod';
import { t } from '../i18n';

/**
 * A failed API call. `code` is the server's stable error code (UNAUTHENTICATED,
 * FORBIDDEN, NOT_FOUND, VALIDATION_FAILED …) or NETWORK / HTTP / BAD_RESPONSE
 * for failures that never reached the platform; `message` is Chinese, for the user.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  /** Every field the server refused (validation failures), for forms that show each on its field. */
  readonly details: readonly { field: string; message: string }[];

  constructor(options: { code: string; message: string; status: number; field?: string; requestId?: string; details?: readonly { field: string; message: string }[] }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.field = options.field;
    this.requestId = options.requestId;
    this.details = options.details ?? [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The CSRF token of the current session (from sign-in or /api/auth/me); sent as
// X-CSRF-Token on every state-changing request, as the server requires.
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called whenever the server answers 401 (session gone or expired). Returns the unsubscribe. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; field?: unknown; requestId?: unknown; details?: unknown } };

const detailsOf = (value: unknown): { field: string; message: string }[] =>
  Array.isArray(value)
    ? value.flatMap((item: { field?: unknown; message?: unknown }) =>
        typeof item?.field === 'string' && typeof item.message === 'string' ? [{ field: item.field, message: item.message }] : [],
      )
    : [];

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

async function readError(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  const code = asString(error?.code);
  const message = asString(error?.message);
  if (code && message) {
    return new ApiError({
      code,
      message,
      status: response.status,
      field: asString(error?.field),
      requestId: asString(error?.requestId),
      details: detailsOf(error?.details),
    });
  }
  // Not the platform's error shape: a proxy, the dev server or a crash in between.
  return new ApiError({
    code: response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP',
    message: t('error.http', { status: response.status }),
    status: response.status,
  });
}

/** What a state-changing request sends: the body and its content type, plus any extra headers. */
type Payload = { body: BodyInit; contentType: string; headers?: Record<string, string> };

const jsonPayload = (body: unknown): Payload => ({ body: JSON.stringify(body ?? {}), contentType: 'application/json' });

async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload: Payload | undefined, schema: ZodType<T> | undefined): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    const sent = payload ?? jsonPayload(undefined);
    Object.assign(headers, sent.headers);
    headers['Content-Type'] = sent.contentType;
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    init.body = sent.body;
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({ code: 'NETWORK', message: t('error.network'), status: 0 });
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiError({ code: 'BAD_RESPONSE', message: t('error.badResponse'), status: response.status });
  }
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError({ code: 'BAD_RESPONSE', message: t('error.badResponse'), status: response.status });
  }
  return parsed.data;
}

/** GET a JSON resource; pass the contract's zod schema to check the answer. */
export const apiGet = <T>(path: string, schema?: ZodType<T>): Promise<T> => request('GET', path, undefined, schema);

/** POST a JSON body (an empty object when omitted). */
export const apiPost = <T>(path: string, body?: unknown, schema?: ZodType<T>): Promise<T> =>
  request('POST', path, jsonPayload(body), schema);

/** PUT a JSON body (a replacement or edit of the resource at `path`). */
export const apiPut = <T>(path: string, body: unknown, schema?: ZodType<T>): Promise<T> =>
  request('PUT', path, jsonPayload(body), schema);

/** DELETE the resource at `path` (query parameters such as `?version=` carry what the server checks). */
export const apiDelete = <T>(path: string, schema?: ZodType<T>): Promise<T> => request('DELETE', path, undefined, schema);

/**
 * POST a file's raw bytes (application/octet-stream, streamed by the browser,
 * never read into a string) with the CSRF header like every other change. The
 * file's name travels URI-encoded in X-File-Name: header values are Latin-1.
 */
export const apiUpload = <T>(path: string, file: File, schema?: ZodType<T>): Promise<T> =>
  request('POST', path, { body: file, contentType: 'application/octet-stream', headers: { 'X-File-Name': encodeURIComponent(file.name) } }, schema);

/** `/api/orgs/children` + `{ parentId: 3 }` -> `/api/orgs/children?parentId=3` (undefined values dropped). */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
