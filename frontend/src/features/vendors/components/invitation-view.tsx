import { MailCheck, MailX } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
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
import { invitationStep } from "../lib/collections";

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
  const { t } = useTranslation("vendors");
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
            {t("invitation.notWorking")}
          </h1>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            {t("invitation.notWorkingHint")}
          </CardContent>
        </Card>
      );
    }
    return <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }

  const data = invitation.data;
  const step = invitationStep(data, signedInEmail, t);
  return (
    <Card>
      <CardHeader>
        <h1 className="flex items-center gap-2 text-lg font-semibold leading-none">
            <MailCheck aria-hidden className="size-5" />
            {t("invitation.joinTitle", { name: data.vendor_name })}
          </h1>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <p>
          <Trans t={t} i18nKey={`invitation.invited.${data.role}`} values={{ inviter: data.invited_by, email: data.email }}
            components={{ strong: <strong /> }} />
        </p>
        {step.kind === "unusable" ? <FormAlert message={step.message} /> : null}
        {step.kind === "sign-in" ? (
          <>
            <p className="text-muted-foreground">{t("invitation.worksUntil", { date: formatDateTime(data.expires_at) })}</p>
            <div className="flex flex-wrap gap-2">
              <Link to={signUpUrl} className={buttonVariants()}>
                {t("invitation.createAccount")}
              </Link>
              <Link to={signInUrl} className={buttonVariants({ variant: "outline" })}>
                {t("invitation.signIn")}
              </Link>
            </div>
          </>
        ) : null}
        {step.kind === "wrong-account" ? (
          <>
            <FormAlert message={t("invitation.wrongAccount", { signedInAs: step.signedInAs, invited: step.invited })} />
            <div>
              <Button variant="outline" onClick={onSignOut}>
                {t("invitation.signOutAndUse", { email: step.invited })}
              </Button>
            </div>
          </>
        ) : null}
        {step.kind === "join" ? (
          <>
            {accept.error ? <FormAlert message={accept.error.message} /> : null}
            <div>
              <Button disabled={accept.isPending} onClick={() => accept.mutate(undefined, { onSuccess: (vendor) => onJoined(vendor) })}>
                {accept.isPending ? t("invitation.joining") : t(`invitation.joinAs.${data.role}`)}
              </Button>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
