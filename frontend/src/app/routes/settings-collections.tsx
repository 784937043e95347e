import { useMe } from "@/features/auth/api/get-me";
import { CollectionsSettings } from "@/features/vendors/components/collections-settings";

export function Component() {
  const me = useMe();
  return (
    <>
      <title>Collections · Settings · Omni-Stock</title>
      <CollectionsSettings myUserId={me.data?.id ?? null} />
    </>
  );
}
