// The one place the portal talks HTTP: JSON in and out, same-origin cookies (the session is an
// HttpOnly cookie, never readable here), the CSRF header on mutating requests, and
// problem+json turned into ApiError.
import { ApiError, type Problem } from "./problem.ts";

const CSRF_HEADER = "X-CSRF-Token";

// The session's CSRF token (from GET /api/me or sign-in), kept in memory only: never in storage.
let csrf: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrf = token;
}
export const csrfToken = () => csrf;

/** Called when the server says the session is gone (401), so the app can show sign-in. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  // `false` is left out rather than sent: the API's coerced booleans read any present value,
  // "false" included, as true (z.coerce.boolean).
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== "" && v !== false) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  // FormData (uploads) sets its own multipart content type.
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  if (body !== undefined && !isForm) headers["content-type"] = "application/json";
  if (method !== "GET" && method !== "HEAD") {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: "about:blank",
      title: "network",
      status: 0,
      detail: "Closebook cannot be reached; check your connection and try again",
    });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  const payload: unknown = type.includes("json") ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    if (
      res.status === 401 &&
      !path.startsWith("/api/auth/") &&
      !path.startsWith("/api/me") &&
      !path.startsWith("/api/invitations/")
    )
      onUnauthenticated?.();
    const problem = (
      payload && typeof payload === "object"
        ? payload
        : { detail: typeof payload === "string" ? payload : res.statusText }
    ) as Partial<Problem>;
    throw new ApiError({
      type: problem.type ?? "about:blank",
      title: problem.title ?? res.statusText,
      status: res.status,
      detail: problem.detail ?? res.statusText,
      ...problem,
    } as Problem);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, undefined, query),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>("POST", path, body ?? {}, query),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  del: <T = void>(path: string) => request<T>("DELETE", path),
};
