import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";

import { ErrorState } from "@/components/states";
import { buttonVariants } from "@/components/ui/button";
import { paths } from "@/config/paths";

export function BootScreen() {
  const { t } = useTranslation("app");
  return (
    <div role="status" aria-label={t("shell.loading")} className="flex min-h-dvh items-center justify-center">
      <span className="size-8 animate-spin rounded-full border-2 border-muted border-t-primary" />
    </div>
  );
}

export function RouteError() {
  const { t } = useTranslation(["app", "common"]);
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="mx-auto grid max-w-xl gap-4 px-4 py-16">
      <title>{notFound ? t("notFound.pageTitle") : t("routeError.pageTitle")}</title>
      <ErrorState
        title={notFound ? t("notFound.heading") : t("common:status.somethingWentWrong")}
        error={notFound ? new Error(t("notFound.description")) : error}
        onRetry={notFound ? undefined : () => window.location.reload()}
      />
      <Link to={paths.collection} className={buttonVariants({ variant: "link" })}>
        {t("notFound.back")}
      </Link>
    </div>
  );
}
