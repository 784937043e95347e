import { CheckCircle2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";

import { FormAlert } from "@/components/ui/form";
import { paths } from "@/config/paths";
import { useVerifyEmail } from "@/features/auth/api/verify-email";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { toApiError } from "@/lib/api/errors";

/** The link of the welcome (or a resent) mail: confirms the address, signed in or not. */
export function Component() {
  const [params] = useSearchParams();
  const token = params.get("token")?.trim() ?? "";
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    // Once: a second POST of the same token would be refused as already used.
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  const alreadyVerified = verify.isError && toApiError(verify.error).code === "already_verified";
  return (
    <AuthLayout
      title="Verify your email address"
      description="Confirming your address lets us reach you about your account."
      footer={
        <Link to={paths.home} className="font-medium text-primary underline-offset-4 hover:underline">
          Go to your collection
        </Link>
      }
    >
      <title>Verify email · Omni-Stock</title>
      {!token ? (
        <FormAlert message="This verification link is incomplete: open the link from the mail again." />
      ) : verify.isSuccess || alreadyVerified ? (
        <p role="status" className="flex items-center gap-2 text-sm font-medium">
          <CheckCircle2 aria-hidden className="size-4 text-success" />
          {alreadyVerified ? "Your address was already verified." : `Thank you: ${verify.data?.email ?? "your address"} is verified.`}
        </p>
      ) : verify.isError ? (
        <FormAlert message={`${toApiError(verify.error).message} Sign in and choose “Resend link”.`} />
      ) : (
        <p role="status" className="text-sm text-muted-foreground">
          Checking your link…
        </p>
      )}
    </AuthLayout>
  );
}
