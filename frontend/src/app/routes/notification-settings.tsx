import { ChannelSettings } from "@/features/notifications/components/channel-settings";

export function Component() {
  return (
    <>
      <title>Notifications · Omni-Stock</title>
      <ChannelSettings />
    </>
  );
}
