import { describe, expect, it } from "vitest";

import {
  changePasswordSchema,
  confirmWordMatches,
  forgotPasswordSchema,
  profileSchema,
  resetLinkParams,
  resetPasswordSchema,
} from "./account-schemas";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("account schemas", () => {
  it("a reset needs the same long-enough password twice", () => {
    expect(resetPasswordSchema.safeParse({ new_password: "viridian-forest", confirm: "viridian-forest" }).success).toBe(true);
    expect(messages(resetPasswordSchema.safeParse({ new_password: "short", confirm: "short" }))).toEqual({
      new_password: "Use at least 8 characters.",
    });
    expect(messages(resetPasswordSchema.safeParse({ new_password: "viridian-forest", confirm: "viridian" }))).toEqual({
      confirm: "The passwords do not match.",
    });
  });

  it("a change needs the current password and a different new one", () => {
    const same = changePasswordSchema.safeParse({ current_password: "pallet-town-1", new_password: "pallet-town-1", confirm: "pallet-town-1" });
    expect(messages(same)).toEqual({ new_password: "Choose a password different from the current one." });
    expect(messages(changePasswordSchema.safeParse({ current_password: "", new_password: "pallet-town-2", confirm: "pallet-town-2" }))).toEqual({
      current_password: "Enter your current password.",
    });
  });

  it("forgot password takes a trimmed address", () => {
    expect(forgotPasswordSchema.parse({ email: "  ada@example.com " })).toEqual({ email: "ada@example.com" });
    expect(forgotPasswordSchema.safeParse({ email: "ada" }).success).toBe(false);
  });

  it("the display currency is upper-cased, three letters or empty", () => {
    expect(profileSchema.parse({ display_name: " Ada ", display_currency: "eur" })).toEqual({ display_name: "Ada", display_currency: "EUR" });
    expect(profileSchema.parse({ display_name: "", display_currency: "" }).display_currency).toBe("");
    expect(profileSchema.safeParse({ display_name: "", display_currency: "EURO" }).success).toBe(false);
  });

  it("the confirmation word ignores case and spaces, not spelling", () => {
    expect(confirmWordMatches(" delete ")).toBe(true);
    expect(confirmWordMatches("DELET")).toBe(false);
    expect(confirmWordMatches("")).toBe(false);
  });

  it("a reset link needs both uid and token", () => {
    expect(resetLinkParams(new URLSearchParams("uid=MQ&token=abc-123"))).toEqual({ uid: "MQ", token: "abc-123" });
    expect(resetLinkParams(new URLSearchParams("uid=MQ"))).toBeNull();
    expect(resetLinkParams(new URLSearchParams(""))).toBeNull();
  });
});
