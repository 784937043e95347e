import { i18n } from "@/i18n";

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

/** What an answer without a message of its own says, in the current language. */
function fallbackMessage(status: number): string {
  switch (status) {
    case 400:
      return i18n.t("ui:errors.badRequest");
    case 401:
      return i18n.t("ui:errors.sessionExpired");
    case 403:
      return i18n.t("ui:errors.forbidden");
    case 404:
      return i18n.t("ui:errors.notFound");
    case 429:
      return i18n.t("ui:errors.tooManyAttempts");
    case 500:
      return i18n.t("ui:errors.serverError");
    case 502:
    case 503:
      return i18n.t("ui:errors.unavailable");
    default:
      return i18n.t("ui:errors.unexpectedStatus", { status: String(status) });
  }
}

/** Builds an ApiError from a non-2xx response and its (already parsed) body. */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  if (isErrorBody(body)) {
    let message = body.detail;
    if (response.status === 429 && retryAfter !== null) {
      message = i18n.t("ui:errors.retryIn", { count: retryAfter });
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
    message: fallbackMessage(response.status),
    status: response.status,
    code: response.status >= 500 ? "server_error" : "error",
    retryAfter,
  });
}

/** The network error's text in English (the message itself follows the app's language). */
export const NETWORK_ERROR_MESSAGE =
  "Cannot reach the server. Check your connection and try again.";

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({ message: i18n.t("ui:errors.network"), status: 0, code: "network_error" });
  (error as { cause?: unknown }).cause = cause;
  return error;
}

/** Converts anything thrown into an ApiError (for UI display). */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (error instanceof DOMException && error.name === "AbortError") {
    return new ApiError({ message: i18n.t("ui:errors.cancelled"), status: 0, code: "aborted" });
  }
  if (error instanceof TypeError) return networkError(error);
  return new ApiError({
    message: error instanceof Error ? error.message : i18n.t("ui:errors.unexpected"),
    status: 0,
    code: "unknown",
  });
}
