// zod/mini: the same validation as zod at a fraction of the size (this is in the main bundle).
import * as z from "zod/mini";

const envSchema = z.object({
  VITE_API_BASE_URL: z.optional(
    z.string().check(
      z.trim(),
      z.refine((value) => value === "" || /^https?:\/\/[^\s/]+/.test(value), {
        message: "VITE_API_BASE_URL must be an absolute http(s) URL, or empty for same origin",
      }),
    ),
  ),
});

function readEnv() {
  const parsed = envSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid frontend environment: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const base = (parsed.data.VITE_API_BASE_URL ?? "").replace(/\/+$/, "");
  return {
    /** Absolute origin of the API; defaults to the SPA's own origin. */
    apiBaseUrl: base || window.location.origin,
  } as const;
}

export const env = readEnv();
