import type { ErrorBody } from "./types";

export type FieldErrors = Record<string, string[]>;

/** The one error type every API call rejects with. `status` 0 means no HTTP answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** Seconds to wait before retrying, from `Retry-After` on 429/503 answers. */
  readonly retryAfter: number | null;

  constructor(init: {
    message: string;
    status: number;
    code?: string;
    fields?: FieldErrors;
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code ?? "error";
    this.fields = init.fields ?? {};
    this.retryAfter = init.retryAfter ?? null;
  }

  get isValidation(): boolean {
    return this.status === 400 && Object.keys(this.fields).length > 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { detail?: unknown }).detail === "string"
  );
}

function normaliseFields(raw: unknown): FieldErrors {
  if (typeof raw !== "object" || raw === null) return {};
  const fields: FieldErrors = {};
  for (const [name, messages] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(messages)) fields[name] = messages.map(String);
    else if (typeof messages === "string") fields[name] = [messages];
  }
  return fields;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: "The request was not valid.",
  401: "Your session has expired. Please sign in again.",
  403: "You do not have permission to do this.",
  404: "Not found.",
  429: "Too many attempts. Please wait and try again.",
  500: "Something went wrong on our side. Please try again.",
  502: "The server is unavailable. Please try again shortly.",
  503: "The server is unavailable. Please try again shortly.",
};

/** Builds an ApiError from a non-2xx response and its (already parsed) body. */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  if (isErrorBody(body)) {
    let message = body.detail;
    if (response.status === 429 && retryAfter !== null) {
      message = `Too many attempts. Try again in ${String(retryAfter)} second${retryAfter === 1 ? "" : "s"}.`;
    }
    return new ApiError({
      message,
      status: response.status,
      code: body.code,
      fields: normaliseFields(body.fields),
      retryAfter,
    });
  }
  return new ApiError({
    message:
      FALLBACK_MESSAGES[response.status] ??
      `Unexpected response from the server (HTTP ${String(response.status)}).`,
    status: response.status,
    code: response.status >= 500 ? "server_error" : "error",
    retryAfter,
  });
}

export const NETWORK_ERROR_MESSAGE =
  "Cannot reach the server. Check your connection and try again.";

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({ message: NETWORK_ERROR_MESSAGE, status: 0, code: "network_error" });
  (error as { cause?: unknown }).cause = cause;
  return error;
}

/** Converts anything thrown into an ApiError (for UI display). */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (error instanceof DOMException && error.name === "AbortError") {
    return new ApiError({ message: "The request was cancelled.", status: 0, code: "aborted" });
  }
  if (error instanceof TypeError) return networkError(error);
  return new ApiError({
    message: error instanceof Error ? error.message : "Unexpected error.",
    status: 0,
    code: "unknown",
  });
}
