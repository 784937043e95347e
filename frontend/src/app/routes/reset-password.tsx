import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { FormAlert } from "@/components/ui/form";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";
import { resetLinkParams } from "@/features/auth/lib/account-schemas";
import { endLocalSession } from "@/lib/session";

export function Component() {
  const { t } = useTranslation("app");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = resetLinkParams(params);
  return (
    <AuthLayout
      title={t("resetPassword.title")}
      description={t("resetPassword.description")}
      footer={
        <Link to={paths.forgotPassword} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("resetPassword.newLink")}
        </Link>
      }
    >
      <title>{t("resetPassword.pageTitle")}</title>
      {link ? (
        <ResetPasswordForm
          uid={link.uid}
          token={link.token}
          onSuccess={() => {
            toast.success(t("resetPassword.changed"));
            // Every session ended on the server, this browser's too.
            endLocalSession(queryClient, () => void navigate(paths.login, { replace: true }));
          }}
        />
      ) : (
        <FormAlert message={t("resetPassword.incomplete")} />
      )}
    </AuthLayout>
  );
}
