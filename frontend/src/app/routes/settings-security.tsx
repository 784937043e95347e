import { useTranslation } from "react-i18next";

import { PasswordChangeForm } from "@/features/auth/components/password-change-form";
import { SignOutEverywhere } from "@/features/auth/components/sign-out-everywhere";

export function Component() {
  const { t } = useTranslation("app");
  return (
    <>
      <title>{t("settingsSecurity.pageTitle")}</title>
      <div className="grid gap-6">
        <PasswordChangeForm />
        <SignOutEverywhere />
      </div>
    </>
  );
}
