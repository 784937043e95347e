import type { Role } from "@/lib/api/types";

export const ROLES: Role[] = ["viewer", "editor", "owner"];

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

export const ROLE_HINTS: Record<Role, string> = {
  viewer: "sees the items, prices and values",
  editor: "also adds and edits items and trackers",
  owner: "also renames, deletes and manages members",
};

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

const UNUSABLE: Record<Exclude<InvitationStatus, "pending">, string> = {
  expired: "This invitation has expired. Ask the collection's owner to invite you again.",
  revoked: "This invitation was withdrawn by the collection's owner.",
  accepted: "This invitation has already been used.",
};

/** What the invitation page offers: joining needs the invited address signed in. */
export function invitationStep(
  invitation: { status: InvitationStatus; email: string },
  signedInEmail: string | null,
): InvitationStep {
  if (invitation.status !== "pending") return { kind: "unusable", message: UNUSABLE[invitation.status] };
  if (signedInEmail === null) return { kind: "sign-in" };
  if (signedInEmail.trim().toLowerCase() !== invitation.email.trim().toLowerCase()) {
    return { kind: "wrong-account", invited: invitation.email, signedInAs: signedInEmail };
  }
  return { kind: "join" };
}

/** A valid collection name (the API trims it too): the message, or null when fine. */
export function collectionNameError(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "Give the collection a name.";
  if (trimmed.length > 120) return "At most 120 characters.";
  return null;
}
