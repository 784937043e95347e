import { MailWarning, XIcon } from "lucide-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";

import { useMe } from "../api/get-me";
import { useResendVerification } from "../api/verify-email";

const dismissedKey = (userId: number) => `omni-verify-banner-dismissed:${String(userId)}`;

function readDismissed(userId: number): boolean {
  try {
    return sessionStorage.getItem(dismissedKey(userId)) === "1";
  } catch {
    return false; // storage blocked: the banner simply shows again
  }
}

/** "Verify your address" for an unverified account, with "resend"; dismissed for this tab's session. */
export function VerifyEmailBanner() {
  const { t } = useTranslation("auth");
  const user = useMe().data;
  const resend = useResendVerification();
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (!user || user.email_verified || dismissed === user.id || readDismissed(user.id)) return null;

  const dismiss = () => {
    try {
      sessionStorage.setItem(dismissedKey(user.id), "1");
    } catch {
      // storage blocked: hidden until the next reload
    }
    setDismissed(user.id);
  };

  return (
    <section aria-label={t("verifyBanner.label")} className="flex flex-wrap items-center gap-3 border-b bg-accent/50 px-4 py-2 text-sm sm:px-6">
      <MailWarning aria-hidden className="size-4 shrink-0 text-muted-foreground" />
      <p className="min-w-0 flex-1">
        <Trans t={t} i18nKey="verifyBanner.text" values={{ email: user.email }} components={{ email: <strong className="font-medium" /> }} />
      </p>
      <Button
        variant="outline"
        size="sm"
        disabled={resend.isPending || resend.isSuccess}
        onClick={() =>
          resend.mutate(undefined, {
            onSuccess: (detail) => toast.success(detail),
            onError: (error) => toast.error(toApiError(error).message),
          })
        }
      >
        {resend.isPending ? t("verifyBanner.sending") : resend.isSuccess ? t("verifyBanner.sent") : t("verifyBanner.resend")}
      </Button>
      <Button variant="ghost" size="icon" className="size-8" aria-label={t("verifyBanner.dismiss")} onClick={dismiss}>
        <XIcon aria-hidden />
      </Button>
    </section>
  );
}
