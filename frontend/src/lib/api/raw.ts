import { api } from "./client";
import { errorFromResponse } from "./errors";

/**
 * Requests the typed client (openapi-fetch) is not made for: multipart uploads and file
 * downloads. They go through the same authenticated fetch (token, shared refresh, replay)
 * and reject with the same ApiError; callers type the answer from the schema.
 */
type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as (string | number)[]) params.append(key, String(v));
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `${api.baseUrl}${path}${search ? `?${search}` : ""}`;
}

async function send(request: Request): Promise<Response> {
  const response = await api.fetch(request);
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw errorFromResponse(response, body);
  }
  return response;
}

/** POSTs a multipart form (the browser sets its boundary); resolves to the JSON answer. */
export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  const response = await send(new Request(apiUrl(path), { method: "POST", headers: { Accept: "application/json" }, body: form }));
  return (await response.json()) as T;
}

/** GETs a file: its bytes and the name the server suggests (Content-Disposition). */
export async function getFile(path: string, query?: Query): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send(new Request(apiUrl(path, query), { headers: { Accept: "*/*" } }));
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), filename: match?.[1] ? decodeURIComponent(match[1]) : null };
}
