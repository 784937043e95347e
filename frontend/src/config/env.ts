// Checked by hand, not with zod: this module is in the entry chunk, and even zod/mini
// added about 10 kB gzip there (the forms' schemas load zod with their own routes).
const ABSOLUTE_HTTP_URL = /^https?:\/\/[^\s/]+/;

function readEnv() {
  const raw: unknown = import.meta.env.VITE_API_BASE_URL;
  if (raw !== undefined && typeof raw !== "string") {
    throw new Error("Invalid frontend environment: VITE_API_BASE_URL must be a string");
  }
  const value = (raw ?? "").trim();
  if (value !== "" && !ABSOLUTE_HTTP_URL.test(value)) {
    throw new Error(
      "Invalid frontend environment: VITE_API_BASE_URL must be an absolute http(s) URL, or empty for same origin",
    );
  }
  const base = value.replace(/\/+$/, "");
  return {
    /** Absolute origin of the API; defaults to the SPA's own origin. */
    apiBaseUrl: base || window.location.origin,
  } as const;
}

export const env = readEnv();
