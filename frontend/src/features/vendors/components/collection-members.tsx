import { Copy, MailPlus, Trash2, UserMinus } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Trans, useTranslation } from "react-i18next";

import { ConfirmThenUndoDelete } from "@/components/confirm-then-undo-delete";
import { deleteWithUndo } from "@/components/delete-with-undo";
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
import { vendorKeys } from "../api/keys";
import { useChangeRole, useMembers, useRemoveMember, type Member } from "../api/members";
import { ROLES } from "../lib/collections";

function RoleSelect({ label, value, onChange, disabled }: { label: string; value: Role; onChange: (role: Role) => void; disabled?: boolean }) {
  const { t } = useTranslation("vendors");
  return (
    <NativeSelect aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Role)}
      className="h-8 text-sm" wrapperClassName="w-32">
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </NativeSelect>
  );
}

/**
 * Removing someone shuts them out of a shared collection: asked first (naming who and from
 * what), then the undo window of every delete before it is sent.
 */
function RemoveMemberButton({ vendor, member, who }: { vendor: Vendor; member: Member; who: string }) {
  const { t } = useTranslation("vendors");
  const remove = useRemoveMember(vendor.id);
  return (
    <ConfirmThenUndoDelete
      trigger={
        <Button variant="ghost" size="icon-sm" aria-label={t("members.remove", { name: who })}>
          <UserMinus aria-hidden />
        </Button>
      }
      title={t("members.removeTitle", { name: who, collection: vendor.name })}
      description={t("members.removeDescription", { name: who })}
      confirmLabel={t("members.removeConfirm")}
      undo={{
        lists: vendorKeys.members(vendor.id), ids: [member.id], message: t("members.removed", { name: who }),
        send: () => remove.mutateAsync(member.id),
      }}
    />
  );
}

function MemberRow({ vendor, member, manage, isMe }: { vendor: Vendor; member: Member; manage: boolean; isMe: boolean }) {
  const { t } = useTranslation("vendors");
  const changeRole = useChangeRole(vendor.id);
  const who = member.user.display_name || member.user.email;
  const role = member.role ?? "viewer";
  const failed = (error: unknown) => toast.error(toApiError(error).message);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium">
          {who}
          {isMe ? <span className="text-muted-foreground"> {t("members.you")}</span> : null}
        </p>
        {member.user.display_name ? <p className="truncate text-xs text-muted-foreground">{member.user.email}</p> : null}
      </div>
      <div className="flex items-center gap-2">
        {manage ? (
          <RoleSelect
            label={t("members.roleOf", { name: who })}
            value={role}
            disabled={changeRole.isPending}
            onChange={(next) =>
              changeRole.mutate(
                { id: member.id, role: next },
                { onSuccess: () => toast.success(t(`members.roleChanged.${next}`, { name: who })), onError: failed },
              )
            }
          />
        ) : (
          <Badge variant="outline">{t(`roles.${role}`)}</Badge>
        )}
        {manage && !isMe ? <RemoveMemberButton vendor={vendor} member={member} who={who} /> : null}
      </div>
    </li>
  );
}

/** The link of an invitation just sent: shown once, as only its hash is kept. */
function IssuedLink({ issued }: { issued: IssuedInvitation }) {
  const { t } = useTranslation("vendors");
  const copy = () =>
    navigator.clipboard.writeText(issued.link).then(
      () => toast.success(t("copy.copied")),
      () => toast.error(t("copy.failed")),
    );
  return (
    <div role="status" className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
      <p>
        <Trans t={t} i18nKey="invite.issued" values={{ email: issued.email }} components={{ strong: <strong /> }} />
      </p>
      <div className="flex gap-2">
        <Input readOnly aria-label={t("invite.linkLabel")} value={issued.link} onFocus={(e) => e.target.select()} className="font-mono text-xs" />
        <Button type="button" variant="outline" size="sm" onClick={() => void copy()}>
          <Copy aria-hidden />
          {t("invite.copyLink")}
        </Button>
      </div>
    </div>
  );
}

function InviteForm({ vendorId }: { vendorId: number }) {
  const { t } = useTranslation("vendors");
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
          toast.success(t("invite.sent", { email: result.email }));
        },
      },
    );
  };

  return (
    <form className="grid gap-3" noValidate onSubmit={submit} aria-label={t("invite.formLabel")}>
      {error && !error.fields.email && !error.fields.role ? <FormAlert message={error.message} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t("invite.email")} className="min-w-56 flex-1" error={error?.fields.email?.[0]}>
          {(control) => <Input {...control} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t("invite.role")} error={error?.fields.role?.[0]}>
          {(control) => (
            <NativeSelect {...control} value={role} onChange={(e) => setRole(e.target.value as Role)} wrapperClassName="w-32">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Button type="submit" disabled={invite.isPending || !email.trim()}>
          <MailPlus aria-hidden />
          {invite.isPending ? t("invite.sending") : t("invite.submit")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t(`invite.hint.${role}`)}</p>
      {issued ? <IssuedLink issued={issued} /> : null}
    </form>
  );
}

function PendingInvitations({ vendorId }: { vendorId: number }) {
  const { t } = useTranslation("vendors");
  const invitations = useInvitations(vendorId);
  const revoke = useRevokeInvitation(vendorId);
  const queryClient = useQueryClient();
  if (invitations.isPending) return <Skeleton className="h-10" />;
  if (invitations.isError) return <FormAlert message={toApiError(invitations.error).message} />;
  if (invitations.data.length === 0) return <p className="text-sm text-muted-foreground">{t("invitations.none")}</p>;
  return (
    <ul className="divide-y" aria-label={t("invitations.listLabel")}>
      {invitations.data.map((invitation) => (
        <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">{invitation.email}</p>
            <p className="text-xs text-muted-foreground">
              {t("invitations.roleAndStatus", {
                role: t(`roles.${invitation.role}`),
                status: invitation.expired
                  ? t("invitations.expired")
                  : t("invitations.until", { date: formatDateTime(invitation.expires_at) }),
              })}
            </p>
          </div>
          <Button variant="ghost" size="sm" aria-label={t("invitations.revokeLabel", { email: invitation.email })}
            onClick={() =>
              // Until sent, the link already passed on still works: Undo leaves it so.
              deleteWithUndo({
                queryClient, lists: vendorKeys.invitations(vendorId), ids: [invitation.id], message: t("invitations.revoked", { email: invitation.email }),
                send: () => revoke.mutateAsync(invitation.id),
              })
            }>
            <Trash2 aria-hidden />
            {t("invitations.revoke")}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** A collection's people: members and roles for everyone; invitations for its owners. */
export function CollectionMembers({ vendor, myUserId }: { vendor: Vendor; myUserId: number | null }) {
  const { t } = useTranslation("vendors");
  const members = useMembers(vendor.id);
  const manage = vendor.role === "owner";
  return (
    <div className="grid gap-4">
      <section className="grid gap-1" aria-label={t("members.sectionLabel", { name: vendor.name })}>
        <h3 className="text-sm font-semibold">{t("members.heading")}</h3>
        {members.isPending ? (
          <Skeleton className="h-10" />
        ) : members.isError ? (
          <FormAlert message={toApiError(members.error).message} />
        ) : (
          <ul className="divide-y">
            {members.data.map((member) => (
              <MemberRow key={member.id} vendor={vendor} member={member} manage={manage} isMe={member.user.id === myUserId} />
            ))}
          </ul>
        )}
      </section>
      {manage ? (
        <>
          <section className="grid gap-1" aria-label={t("invitations.sectionLabel", { name: vendor.name })}>
            <h3 className="text-sm font-semibold">{t("invitations.heading")}</h3>
            <PendingInvitations vendorId={vendor.id} />
          </section>
          <InviteForm vendorId={vendor.id} />
        </>
      ) : null}
    </div>
  );
}
