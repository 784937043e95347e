import type { TFunction } from "i18next";

import type { Role } from "@/lib/api/types";

/** `t` of the "vendors" namespace (a component's `useTranslation("vendors")`). */
export type VendorsT = TFunction<"vendors">;

/** The roles in the order the selects offer them; their names are `t(\`roles.${role}\`)`. */
export const ROLES: Role[] = ["viewer", "editor", "owner"];

export interface CollectionActions {
  rename: boolean;
  delete: boolean;
  leave: boolean;
  /** Invite people, change roles, remove members. */
  manage: boolean;
}

/**
 * What you may do with a collection, as the API decides it: owners manage, rename and
 * delete (never the personal collection, where new items go); anyone may leave, except
 * the only owner. `owners` is the collection's owner count when known (members loaded).
 */
export function collectionActions(vendor: { role: Role; is_personal: boolean }, owners?: number): CollectionActions {
  const owner = vendor.role === "owner";
  return {
    rename: owner,
    delete: owner && !vendor.is_personal,
    leave: !owner || (owners !== undefined && owners > 1),
    manage: owner,
  };
}

export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export type InvitationStep =
  | { kind: "unusable"; message: string }
  | { kind: "sign-in" }
  | { kind: "wrong-account"; invited: string; signedInAs: string }
  | { kind: "join" };

/** What the invitation page offers: joining needs the invited address signed in. */
export function invitationStep(
  invitation: { status: InvitationStatus; email: string },
  signedInEmail: string | null,
  t: VendorsT,
): InvitationStep {
  if (invitation.status !== "pending") return { kind: "unusable", message: t(`invitation.unusable.${invitation.status}`) };
  if (signedInEmail === null) return { kind: "sign-in" };
  if (signedInEmail.trim().toLowerCase() !== invitation.email.trim().toLowerCase()) {
    return { kind: "wrong-account", invited: invitation.email, signedInAs: signedInEmail };
  }
  return { kind: "join" };
}

/** A valid collection name (the API trims it too): the message, or null when fine. */
export function collectionNameError(name: string, t: VendorsT): string | null {
  const trimmed = name.trim();
  if (!trimmed) return t("nameForm.nameRequired");
  if (trimmed.length > 120) return t("nameForm.nameTooLong");
  return null;
}
