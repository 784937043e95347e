import { MarketplaceKeys } from "@/features/marketplace-keys/components/marketplace-keys";
import { ChannelSettings } from "@/features/notifications/components/channel-settings";

export function Component() {
  return (
    <>
      <title>Settings · Omni-Stock</title>
      <div className="grid gap-10">
        <ChannelSettings />
        <MarketplaceKeys />
      </div>
    </>
  );
}
