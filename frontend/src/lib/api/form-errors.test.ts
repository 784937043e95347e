import type { UseFormReturn } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "./errors";
import { applyServerErrors } from "./form-errors";

describe("applyServerErrors", () => {
  it("shows an error of a field the form lacks by its message, never the server's field name", () => {
    const setError = vi.fn();
    // Only what applyServerErrors uses of a react-hook-form form.
    const form = { setError, getValues: () => ({ name: "Charizard" }) } as unknown as Pick<UseFormReturn<{ name: string }>, "setError" | "getValues">;
    const error = new ApiError({
      message: "The request was not valid.",
      status: 400,
      fields: { name: ["Too long."], external_ids: ["Höchstens 20 Marktplätze."] },
    });

    expect(applyServerErrors(error, form)).toBe(true);
    expect(setError).toHaveBeenCalledWith("name", { type: "server", message: "Too long." }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith("root.serverError", { type: "400", message: "Höchstens 20 Marktplätze." });
    expect(JSON.stringify(setError.mock.calls)).not.toContain("external_ids");
  });
});
