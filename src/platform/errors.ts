// Typed application errors. Every expected failure is an AppError with a stable `type`, a human
// `detail` and, where it applies, the offending `field` or input `line`; HTTP renders it as problem+json.

export type ErrorKind =
  | "validation" // the input is malformed (400)
  | "unauthenticated" // no valid credentials (401)
  | "forbidden" // the actor may not do this (403)
  | "not-found" // no such thing, or not visible to the actor (404)
  | "conflict" // the current state forbids it (409)
  | "gone" // it existed but has expired or been used (410)
  | "too-large" // the request's content is larger than allowed (413)
  | "unsupported-type" // a kind of content that is not accepted (415)
  | "rule-violation" // well-formed input that breaks a business rule (422)
  | "rate-limited" // too many attempts (429)
  | "unavailable"; // a service we depend on (mail, SMS, identity provider) failed (503)

const statusOf: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  gone: 410,
  "too-large": 413,
  "unsupported-type": 415,
  "rule-violation": 422,
  "rate-limited": 429,
  unavailable: 503,
};

export interface AppErrorOptions {
  field?: string;
  line?: number;
  extra?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  /** Stable machine-readable code, e.g. "ledger/unbalanced-entry". */
  readonly code: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, code: string, detail: string, options: AppErrorOptions = {}) {
    super(detail);
    this.name = "AppError";
    this.kind = kind;
    this.code = code;
    this.detail = detail;
    this.field = options.field;
    this.line = options.line;
    this.extra = options.extra;
  }

  get status(): number {
    return statusOf[this.kind];
  }
}

export const validationError = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("validation", code, detail, options);
export const ruleViolation = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("rule-violation", code, detail, options);
export const notFound = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("not-found", code, detail, options);
export const conflict = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("conflict", code, detail, options);
export const forbidden = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("forbidden", code, detail, options);
export const unauthenticated = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("unauthenticated", code, detail, options);
export const tooLarge = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("too-large", code, detail, options);
export const unsupportedType = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("unsupported-type", code, detail, options);
export const gone = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("gone", code, detail, options);
/** Too many attempts; `retryAfter` (seconds) goes into the problem document and the Retry-After header. */
export const rateLimited = (
  code: string,
  detail: string,
  retryAfter: number,
  options: AppErrorOptions = {},
) => new AppError("rate-limited", code, detail, { ...options, extra: { ...options.extra, retryAfter } });
export const unavailable = (code: string, detail: string, options?: AppErrorOptions) =>
  new AppError("unavailable", code, detail, options);

/**
 * A refusal raised by a database trigger that guards a rule (SQLSTATE 55000, "object not in
 * prerequisite state", with the message "<code>: <detail>", e.g. a reconciled line's entry being
 * reversed) as the conflict it is, so that it reaches people as a 409 rather than an internal error.
 */
export function databaseRefusal(error: unknown): AppError | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code !== "55000" || typeof e.message !== "string") return null;
  const m = /^([a-z][a-z-]*\/[a-z][a-z-]*): (.+)$/s.exec(e.message);
  return m ? conflict(m[1]!, m[2]!) : null;
}

/** The RFC 9457 problem document for an error. `type` is a stable URI built from the code. */
export function problemOf(error: AppError, instance?: string): Record<string, unknown> {
  return {
    type: `https://closebook.dev/problems/${error.code}`,
    title: error.kind,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(error.field !== undefined ? { field: error.field } : {}),
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(instance ? { instance } : {}),
    ...(error.extra ?? {}),
  };
}
