import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";

import { paths, safeNext } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { LoginForm } from "@/features/auth/components/login-form";

export function Component() {
  const { t } = useTranslation("app");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  return (
    <AuthLayout
      title={t("login.title")}
      description={t("login.description")}
      footer={
        <Trans
          t={t}
          i18nKey="login.newHere"
          components={{
            anchor: (
              <Link
                to={paths.register + (params.get("next") ? `?next=${encodeURIComponent(next)}` : "")}
                className="font-medium text-primary underline-offset-4 hover:underline"
              />
            ),
          }}
        />
      }
    >
      <title>{t("login.pageTitle")}</title>
      <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
      <p className="mt-4 text-center text-sm">
        <Link to={paths.forgotPassword} className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          {t("login.forgot")}
        </Link>
      </p>
    </AuthLayout>
  );
}
