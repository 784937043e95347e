import { useTranslation } from "react-i18next";

import { MarketplaceKeys } from "@/features/marketplace-keys/components/marketplace-keys";
import { ChannelSettings } from "@/features/notifications/components/channel-settings";

export function Component() {
  const { t } = useTranslation("notifications");
  return (
    <>
      <title>{t("pageTitle")}</title>
      <div className="grid gap-10">
        <ChannelSettings />
        <MarketplaceKeys />
      </div>
    </>
  );
}
