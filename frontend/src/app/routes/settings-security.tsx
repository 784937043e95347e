import { PasswordChangeForm } from "@/features/auth/components/password-change-form";
import { SignOutEverywhere } from "@/features/auth/components/sign-out-everywhere";

export function Component() {
  return (
    <>
      <title>Security · Settings · Omni-Stock</title>
      <div className="grid gap-6">
        <PasswordChangeForm />
        <SignOutEverywhere />
      </div>
    </>
  );
}
