import { Link, useNavigate, useSearchParams } from "react-router";

import { paths, safeNext } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { RegisterForm } from "@/features/auth/components/register-form";

export function Component() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <AuthLayout
      title="Create your account"
      description="Track what your collection is worth."
      footer={
        <>
          Already have an account?{" "}
          {/* Keeps `next`, so an invitation link survives switching to sign-in. */}
          <Link to={paths.login + (params.get("next") ? `?next=${encodeURIComponent(safeNext(params.get("next")))}` : "")}
            className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <title>Create account · Omni-Stock</title>
      <RegisterForm onSuccess={() => void navigate(safeNext(params.get("next")), { replace: true })} />
    </AuthLayout>
  );
}
