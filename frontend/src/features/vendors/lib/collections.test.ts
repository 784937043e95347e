import { describe, expect, it } from "vitest";

import { i18n } from "@/i18n";

import { collectionActions, collectionNameError, invitationStep } from "./collections";

describe("collectionActions", () => {
  it("lets an owner manage, rename and delete, but not leave alone", () => {
    expect(collectionActions({ role: "owner", is_personal: false })).toEqual({ rename: true, delete: true, leave: false, manage: true });
    expect(collectionActions({ role: "owner", is_personal: false }, 1).leave).toBe(false);
    expect(collectionActions({ role: "owner", is_personal: false }, 2).leave).toBe(true);
  });

  it("never offers to delete the personal collection", () => {
    expect(collectionActions({ role: "owner", is_personal: true }).delete).toBe(false);
  });

  it.each(["editor", "viewer"] as const)("lets an %s only leave", (role) => {
    expect(collectionActions({ role, is_personal: false })).toEqual({ rename: false, delete: false, leave: true, manage: false });
  });
});

const t = i18n.getFixedT("en", "vendors");

describe("invitationStep", () => {
  const pending = { status: "pending" as const, email: "ash@example.com" };

  it("asks a signed-out person to sign in or sign up", () => {
    expect(invitationStep(pending, null, t)).toEqual({ kind: "sign-in" });
  });

  it("offers to join when the invited address is signed in, whatever its case", () => {
    expect(invitationStep(pending, "Ash@Example.com", t)).toEqual({ kind: "join" });
  });

  it("names both addresses when someone else is signed in", () => {
    expect(invitationStep(pending, "gary@example.com", t)).toEqual({
      kind: "wrong-account",
      invited: "ash@example.com",
      signedInAs: "gary@example.com",
    });
  });

  it.each([
    ["expired", /expired/],
    ["revoked", /withdrawn/],
    ["accepted", /already been used/],
  ] as const)("explains a %s invitation, signed in or not", (status, message) => {
    for (const email of [null, "ash@example.com"]) {
      const step = invitationStep({ ...pending, status }, email, t);
      expect(step.kind).toBe("unusable");
      expect(step.kind === "unusable" && step.message).toMatch(message);
    }
  });
});

describe("collectionNameError", () => {
  it("wants a non-blank name of at most 120 characters", () => {
    expect(collectionNameError("  ", t)).toMatch(/name/);
    expect(collectionNameError("x".repeat(121), t)).toMatch(/120/);
    expect(collectionNameError(" Retro games ", t)).toBeNull();
  });
});
