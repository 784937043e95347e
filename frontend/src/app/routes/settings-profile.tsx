import { ErrorState } from "@/components/states";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api/get-me";
import { ProfileForm } from "@/features/auth/components/profile-form";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const me = useMe();
  const vendors = useVendors().data ?? [];
  const preferred = useVendorPreference();
  const collection = vendors.find((v) => v.id === preferred) ?? vendors.find((v) => v.is_personal);
  return (
    <>
      <title>Profile · Settings · Omni-Stock</title>
      {me.isPending ? (
        <Skeleton className="h-72 w-full" />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Your profile could not be loaded" />
      ) : (
        <ProfileForm user={me.data} collectionCurrency={collection?.default_currency} />
      )}
    </>
  );
}
