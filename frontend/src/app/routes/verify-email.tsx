import { CheckCircle2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { FormAlert } from "@/components/ui/form";
import { paths } from "@/config/paths";
import { useVerifyEmail } from "@/features/auth/api/verify-email";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { toApiError } from "@/lib/api/errors";

/** The link of the welcome (or a resent) mail: confirms the address, signed in or not. */
export function Component() {
  const { t } = useTranslation("app");
  const [params] = useSearchParams();
  const token = params.get("token")?.trim() ?? "";
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    // Once: a second POST of the same token would be refused as already used.
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  const alreadyVerified = verify.isError && toApiError(verify.error).code === "already_verified";
  return (
    <AuthLayout
      title={t("verifyEmail.title")}
      description={t("verifyEmail.description")}
      footer={
        <Link to={paths.home} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("verifyEmail.home")}
        </Link>
      }
    >
      <title>{t("verifyEmail.pageTitle")}</title>
      {!token ? (
        <FormAlert message={t("verifyEmail.incomplete")} />
      ) : verify.isSuccess || alreadyVerified ? (
        <p role="status" className="flex items-center gap-2 text-sm font-medium">
          <CheckCircle2 aria-hidden className="size-4 text-success" />
          {alreadyVerified
            ? t("verifyEmail.alreadyVerified")
            : verify.data?.email
              ? t("verifyEmail.verified", { email: verify.data.email })
              : t("verifyEmail.verifiedNoEmail")}
        </p>
      ) : verify.isError ? (
        <FormAlert message={t("verifyEmail.failed", { message: toApiError(verify.error).message })} />
      ) : (
        <p role="status" className="text-sm text-muted-foreground">
          {t("verifyEmail.checking")}
        </p>
      )}
    </AuthLayout>
  );
}
