import { isRouteErrorResponse, Link, useRouteError } from "react-router";

import { ErrorState } from "@/components/states";
import { buttonVariants } from "@/components/ui/button";
import { paths } from "@/config/paths";

export function BootScreen() {
  return (
    <div role="status" aria-label="Loading Omni-Stock" className="flex min-h-dvh items-center justify-center">
      <span className="size-8 animate-spin rounded-full border-2 border-muted border-t-primary" />
    </div>
  );
}

export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="mx-auto grid max-w-xl gap-4 px-4 py-16">
      <title>{notFound ? "Not found · Omni-Stock" : "Error · Omni-Stock"}</title>
      <ErrorState
        title={notFound ? "Page not found" : "Something went wrong"}
        error={notFound ? new Error("There is nothing at this address.") : error}
        onRetry={notFound ? undefined : () => window.location.reload()}
      />
      <Link to={paths.collection} className={buttonVariants({ variant: "link" })}>
        Back to your collection
      </Link>
    </div>
  );
}
