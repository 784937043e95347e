import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { paths, safeNext } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { RegisterForm } from "@/features/auth/components/register-form";

export function Component() {
  const { t } = useTranslation("app");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <AuthLayout
      title={t("register.title")}
      description={t("register.description")}
      footer={
        <Trans
          t={t}
          i18nKey="register.haveAccount"
          components={{
            // Keeps `next`, so an invitation link survives switching to sign-in.
            anchor: (
              <Link
                to={paths.login + (params.get("next") ? `?next=${encodeURIComponent(safeNext(params.get("next")))}` : "")}
                className="font-medium text-primary underline-offset-4 hover:underline"
              />
            ),
          }}
        />
      }
    >
      <title>{t("register.pageTitle")}</title>
      <RegisterForm onSuccess={() => void navigate(safeNext(params.get("next")), { replace: true })} />
    </AuthLayout>
  );
}
