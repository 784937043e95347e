import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { paths } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";

export function Component() {
  const { t } = useTranslation("app");
  const [params] = useSearchParams();
  return (
    <AuthLayout
      title={t("forgotPassword.title")}
      description={t("forgotPassword.description")}
      footer={
        <Link to={paths.login} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("forgotPassword.back")}
        </Link>
      }
    >
      <title>{t("forgotPassword.pageTitle")}</title>
      <ForgotPasswordForm defaultEmail={params.get("email") ?? ""} />
    </AuthLayout>
  );
}
