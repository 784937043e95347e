import { useTranslation } from "react-i18next";

import { DashboardView } from "@/features/dashboard/components/dashboard-view";

export function Component() {
  const { t } = useTranslation("dashboard");
  return (
    <>
      <title>{t("pageTitle")}</title>
      <DashboardView />
    </>
  );
}
