import { isApiError } from "@/lib/api/errors";

/** The first message the API gave: the name's as is, another field's prefixed with it
 * (`query.category: …`), else the error's own. */
export function errorMessage(error: unknown): string | null {
  if (isApiError(error)) {
    const fieldMessages = Object.entries(error.fields).map(([field, messages]) => (field === "name" ? messages[0] : `${field}: ${String(messages[0])}`));
    return fieldMessages[0] ?? error.message;
  }
  return error instanceof Error ? error.message : null;
}
