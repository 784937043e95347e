import { TrendingUp } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { DeferredThemeToggle } from "@/components/deferred-theme-toggle";
import { SharedPage } from "@/features/vendors/components/shared-page";

/** Public: `/share/:token` (a secret link) and `/p/:slug` (a public profile), signed out too. */
export function Component() {
  const { t } = useTranslation("vendors");
  const { token, slug } = useParams();
  return (
    <div className="flex min-h-dvh flex-col">
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex" />
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <TrendingUp aria-hidden className="size-4" />
          </span>
          {t("shared.brand")}
        </span>
        <DeferredThemeToggle />
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pt-4 pb-16">
        <SharedPage shareKey={token ?? slug ?? ""} />
      </main>
    </div>
  );
}
