import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { CollectionsSettings } from "@/features/vendors/components/collections-settings";

export function Component() {
  const { t } = useTranslation("vendors");
  const me = useMe();
  return (
    <>
      <title>{t("settings.pageTitle")}</title>
      <CollectionsSettings myUserId={me.data?.id ?? null} />
    </>
  );
}
