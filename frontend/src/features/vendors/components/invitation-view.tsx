import { MailCheck, MailX } from "lucide-react";
import { Link } from "react-router";

import { ErrorState } from "@/components/states";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";
import { formatDateTime } from "@/lib/utils";

import { useAcceptInvitation, useInvitation } from "../api/invitations";
import { invitationStep, ROLE_HINTS, ROLE_LABELS } from "../lib/collections";

/**
 * The page an invitation link opens. Signed out, it offers to sign in or create an account
 * (both come back here: `signInUrl` / `signUpUrl` carry the way back); signed in as the
 * invited address, to join.
 */
export function InvitationView({
  token,
  signedInEmail,
  signInUrl,
  signUpUrl,
  onSignOut,
  onJoined,
}: {
  token: string;
  /** null: signed out; undefined: not known yet. */
  signedInEmail: string | null | undefined;
  signInUrl: string;
  signUpUrl: string;
  onSignOut: () => void;
  onJoined: (vendor: Vendor) => void;
}) {
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);

  if (invitation.isPending || signedInEmail === undefined) return <Skeleton className="h-48" />;
  if (invitation.isError) {
    if (isApiError(invitation.error) && invitation.error.status === 404) {
      return (
        <Card>
          <CardHeader>
            <h1 className="flex items-center gap-2 text-lg font-semibold leading-none">
            <MailX aria-hidden className="size-5" />
            This invitation link does not work
          </h1>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            Check that you opened the whole link from the mail, or ask the owner to invite you again.
          </CardContent>
        </Card>
      );
    }
    return <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }

  const data = invitation.data;
  const step = invitationStep(data, signedInEmail);
  const role = ROLE_LABELS[data.role].toLowerCase();
  return (
    <Card>
      <CardHeader>
        <h1 className="flex items-center gap-2 text-lg font-semibold leading-none">
            <MailCheck aria-hidden className="size-5" />
            Join “{data.vendor_name}”
          </h1>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <p>
          {data.invited_by} invited <strong>{data.email}</strong> to this collection as {role === "owner" ? "an" : "a"} {role}: a{" "}
          {role} {ROLE_HINTS[data.role]}.
        </p>
        {step.kind === "unusable" ? <FormAlert message={step.message} /> : null}
        {step.kind === "sign-in" ? (
          <>
            <p className="text-muted-foreground">The invitation works until {formatDateTime(data.expires_at)}.</p>
            <div className="flex flex-wrap gap-2">
              <Link to={signUpUrl} className={buttonVariants()}>
                Create an account to join
              </Link>
              <Link to={signInUrl} className={buttonVariants({ variant: "outline" })}>
                Sign in to join
              </Link>
            </div>
          </>
        ) : null}
        {step.kind === "wrong-account" ? (
          <>
            <FormAlert message={`You are signed in as ${step.signedInAs}; this invitation is for ${step.invited}.`} />
            <div>
              <Button variant="outline" onClick={onSignOut}>
                Sign out and use {step.invited}
              </Button>
            </div>
          </>
        ) : null}
        {step.kind === "join" ? (
          <>
            {accept.error ? <FormAlert message={accept.error.message} /> : null}
            <div>
              <Button disabled={accept.isPending} onClick={() => accept.mutate(undefined, { onSuccess: (vendor) => onJoined(vendor) })}>
                {accept.isPending ? "Joining…" : `Join as ${role}`}
              </Button>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
