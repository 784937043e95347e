import { TrendingUp } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";

import { DeferredThemeToggle } from "@/components/deferred-theme-toggle";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { useMe } from "@/features/auth/api/get-me";
import { useLogout } from "@/features/auth/api/logout";
import { InvitationView } from "@/features/vendors/components/invitation-view";
import { setVendorPreference } from "@/lib/vendor-preference";

/** Public: an invitation link works signed out (then sign in or up, and come back here). */
export function Component() {
  const { t } = useTranslation("vendors");
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const back = encodeURIComponent(paths.invitation(token));
  const signInUrl = `${paths.login}?next=${back}`;
  const logout = useLogout(() => void navigate(signInUrl));
  // Any failure to restore a session (401, no cookie) means: signed out, offer to sign in.
  const signedInEmail = me.isPending ? undefined : (me.data?.email ?? null);

  return (
    <div className="flex min-h-dvh flex-col">
      <title>{t("invitation.pageTitle")}</title>
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <TrendingUp aria-hidden className="size-4" />
          </span>
          {t("invitation.brand")}
        </span>
        <DeferredThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-md">
          <InvitationView
            token={token}
            signedInEmail={signedInEmail}
            signInUrl={signInUrl}
            signUpUrl={`${paths.register}?next=${back}`}
            onSignOut={() => logout.mutate()}
            onJoined={(vendor) => {
              toast.success(t("invitation.joined", { name: vendor.name }));
              setVendorPreference(vendor.id);
              void navigate(`${paths.collection}?vendor=${String(vendor.id)}`, { replace: true });
            }}
          />
        </div>
      </main>
    </div>
  );
}
