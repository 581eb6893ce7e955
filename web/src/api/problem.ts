// The API's error shape (application/problem+json) as a typed Error the pages can show.

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  field?: string;
  errors?: Array<{ field: string; message: string }>;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code ?? this.problem.type.split("/problems/")[1];
  }
}

/** A human sentence for any error thrown by a call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const detail = error.problem.detail || error.problem.title;
    return detail.charAt(0).toUpperCase() + detail.slice(1);
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The server's sentence when `error` refuses `field` (its `field`, or one of its `errors`; "body.x"
 * and "x" alike), for showing under that input; undefined otherwise.
 */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const names = (f: string | undefined) => f !== undefined && (f === field || f === `body.${field}`);
  // A schema refusal lists each field with its own message; a service refusal names one field.
  const hit = error.problem.errors?.find((e) => names(e.field));
  if (hit) return hit.message.charAt(0).toUpperCase() + hit.message.slice(1);
  return names(error.problem.field) ? messageOf(error) : undefined;
}
