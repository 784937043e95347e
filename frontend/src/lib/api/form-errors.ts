import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

import { toApiError } from "./errors";

type FormLike<T extends FieldValues> = Pick<UseFormReturn<T>, "setError" | "getValues">;

export interface ApplyServerErrorsOptions {
  /**
   * Renames a server field (dotted, e.g. `card_details.release_date`, `tags.3`) to the form
   * path that shows it, or returns null to treat it as a form-level error. By default the
   * name is used as is, falling back to its parent path (`tags.3` → `tags`).
   */
  mapField?: (name: string) => string | null | undefined;
}

function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null || !(part in current)) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts the server's validation messages on the matching react-hook-form fields (dotted
 * names are nested form paths) and everything else on `root.serverError`.
 * Returns true when at least one field error was set.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  form: FormLike<T>,
  options: ApplyServerErrorsOptions = {},
): boolean {
  const apiError = toApiError(error);
  const values = form.getValues();
  const leftovers: string[] = [];
  let focused = false;

  for (const [serverName, messages] of Object.entries(apiError.fields)) {
    const message = messages.join(" ");
    let target: string | null | undefined = options.mapField
      ? options.mapField(serverName)
      : serverName;
    if (target === undefined) target = serverName;
    // `tags.3` → `tags`, `external_ids.ebay` → `external_ids` when the exact path is not a field.
    while (target && !hasPath(values, target) && target.includes(".")) {
      target = target.slice(0, target.lastIndexOf("."));
    }
    if (target && hasPath(values, target)) {
      form.setError(target as Path<T>, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    } else {
      // The server's field names (`external_ids`, `interval_minutes`) mean nothing to a
      // reader: its message, already in their language, says what is wrong.
      leftovers.push(message);
    }
  }

  const hasFieldErrors = focused;
  if (!hasFieldErrors || leftovers.length > 0) {
    const rootMessage = leftovers.length > 0 ? leftovers.join(" ") : apiError.message;
    form.setError("root.serverError", { type: String(apiError.status), message: rootMessage });
  }
  return hasFieldErrors;
}
