import { Copy, MailPlus, Trash2, UserMinus } from "lucide-react";
import { useState, type SyntheticEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Role, Vendor } from "@/lib/api/types";
import { formatDateTime } from "@/lib/utils";

import { useInvitations, useInvite, useRevokeInvitation, type IssuedInvitation } from "../api/invitations";
import { useChangeRole, useMembers, useRemoveMember, type Member } from "../api/members";
import { ROLE_HINTS, ROLE_LABELS, ROLES } from "../lib/collections";

function RoleSelect({ label, value, onChange, disabled }: { label: string; value: Role; onChange: (role: Role) => void; disabled?: boolean }) {
  return (
    <NativeSelect aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Role)}
      className="h-8 text-sm" wrapperClassName="w-32">
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </NativeSelect>
  );
}

function MemberRow({ vendorId, member, manage, isMe }: { vendorId: number; member: Member; manage: boolean; isMe: boolean }) {
  const changeRole = useChangeRole(vendorId);
  const remove = useRemoveMember(vendorId);
  const who = member.user.display_name || member.user.email;
  const role = member.role ?? "viewer";
  const failed = (error: unknown) => toast.error(toApiError(error).message);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium">
          {who}
          {isMe ? <span className="text-muted-foreground"> (you)</span> : null}
        </p>
        {member.user.display_name ? <p className="truncate text-xs text-muted-foreground">{member.user.email}</p> : null}
      </div>
      <div className="flex items-center gap-2">
        {manage ? (
          <RoleSelect
            label={`Role of ${who}`}
            value={role}
            disabled={changeRole.isPending}
            onChange={(next) =>
              changeRole.mutate(
                { id: member.id, role: next },
                { onSuccess: () => toast.success(`${who} is now ${ROLE_LABELS[next].toLowerCase()}.`), onError: failed },
              )
            }
          />
        ) : (
          <Badge variant="outline">{ROLE_LABELS[role]}</Badge>
        )}
        {manage && !isMe ? (
          <Button variant="ghost" size="icon-sm" aria-label={`Remove ${who}`} disabled={remove.isPending}
            onClick={() => remove.mutate(member.id, { onSuccess: () => toast.success(`${who} was removed.`), onError: failed })}>
            <UserMinus aria-hidden />
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** The link of an invitation just sent: shown once, as only its hash is kept. */
function IssuedLink({ issued }: { issued: IssuedInvitation }) {
  const copy = () =>
    navigator.clipboard.writeText(issued.link).then(
      () => toast.success("Link copied."),
      () => toast.error("Could not copy: select the link and copy it."),
    );
  return (
    <div role="status" className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
      <p>
        Invitation sent to <strong>{issued.email}</strong>. You can also pass on this link (shown only now):
      </p>
      <div className="flex gap-2">
        <Input readOnly aria-label="Invitation link" value={issued.link} onFocus={(e) => e.target.select()} className="font-mono text-xs" />
        <Button type="button" variant="outline" size="sm" onClick={() => void copy()}>
          <Copy aria-hidden />
          Copy link
        </Button>
      </div>
    </div>
  );
}

function InviteForm({ vendorId }: { vendorId: number }) {
  const invite = useInvite(vendorId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const error = invite.error ? toApiError(invite.error) : null;

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (result) => {
          setIssued(result);
          setEmail("");
          toast.success(`Invitation sent to ${result.email}.`);
        },
      },
    );
  };

  return (
    <form className="grid gap-3" noValidate onSubmit={submit} aria-label="Invite someone">
      {error && !error.fields.email && !error.fields.role ? <FormAlert message={error.message} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Email" className="min-w-56 flex-1" error={error?.fields.email?.[0]}>
          {(control) => <Input {...control} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Role" error={error?.fields.role?.[0]}>
          {(control) => (
            <NativeSelect {...control} value={role} onChange={(e) => setRole(e.target.value as Role)} wrapperClassName="w-32">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Button type="submit" disabled={invite.isPending || !email.trim()}>
          <MailPlus aria-hidden />
          {invite.isPending ? "Sending…" : "Invite"}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        A {ROLE_LABELS[role].toLowerCase()} {ROLE_HINTS[role]}. People without an account can create one from the link.
      </p>
      {issued ? <IssuedLink issued={issued} /> : null}
    </form>
  );
}

function PendingInvitations({ vendorId }: { vendorId: number }) {
  const invitations = useInvitations(vendorId);
  const revoke = useRevokeInvitation(vendorId);
  if (invitations.isPending) return <Skeleton className="h-10" />;
  if (invitations.isError) return <FormAlert message={toApiError(invitations.error).message} />;
  if (invitations.data.length === 0) return <p className="text-sm text-muted-foreground">No open invitations.</p>;
  return (
    <ul className="divide-y" aria-label="Open invitations">
      {invitations.data.map((invitation) => (
        <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">{invitation.email}</p>
            <p className="text-xs text-muted-foreground">
              {ROLE_LABELS[invitation.role]} ·{" "}
              {invitation.expired ? "expired: invite again to renew" : `until ${formatDateTime(invitation.expires_at)}`}
            </p>
          </div>
          <Button variant="ghost" size="sm" aria-label={`Revoke the invitation of ${invitation.email}`} disabled={revoke.isPending}
            onClick={() =>
              revoke.mutate(invitation.id, {
                onSuccess: () => toast.success(`Invitation of ${invitation.email} revoked.`),
                onError: (error) => toast.error(toApiError(error).message),
              })
            }>
            <Trash2 aria-hidden />
            Revoke
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** A collection's people: members and roles for everyone; invitations for its owners. */
export function CollectionMembers({ vendor, myUserId }: { vendor: Vendor; myUserId: number | null }) {
  const members = useMembers(vendor.id);
  const manage = vendor.role === "owner";
  return (
    <div className="grid gap-4">
      <section className="grid gap-1" aria-label={`Members of ${vendor.name}`}>
        <h3 className="text-sm font-semibold">Members</h3>
        {members.isPending ? (
          <Skeleton className="h-10" />
        ) : members.isError ? (
          <FormAlert message={toApiError(members.error).message} />
        ) : (
          <ul className="divide-y">
            {members.data.map((member) => (
              <MemberRow key={member.id} vendorId={vendor.id} member={member} manage={manage} isMe={member.user.id === myUserId} />
            ))}
          </ul>
        )}
      </section>
      {manage ? (
        <>
          <section className="grid gap-1" aria-label={`Invitations to ${vendor.name}`}>
            <h3 className="text-sm font-semibold">Open invitations</h3>
            <PendingInvitations vendorId={vendor.id} />
          </section>
          <InviteForm vendorId={vendor.id} />
        </>
      ) : null}
    </div>
  );
}
