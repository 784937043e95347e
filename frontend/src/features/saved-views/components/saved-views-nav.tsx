import { Bookmark } from "lucide-react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";

import { paths } from "@/config/paths";
import { cn, formatMoney } from "@/lib/utils";

import { useSavedViews } from "../api/get-saved-views";
import { sameQuery, queryFromSearchParams, searchFromQuery, viewQueryOf } from "../lib/query";

/** The "Views" group of the navigation: each saved view with its count and value, linking
 * to the collection list with its query applied. */
export function SavedViewsNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation("views");
  const views = useSavedViews();
  const location = useLocation();
  const onList = location.pathname === paths.collection;
  const current = queryFromSearchParams(new URLSearchParams(location.search));

  let body;
  if (views.isError) {
    body = <p className="px-3 text-xs text-muted-foreground">{t("nav.loadError")}</p>;
  } else if (views.data && views.data.length === 0) {
    body = <p className="px-3 text-xs text-muted-foreground">{t("nav.empty")}</p>;
  } else {
    body = (
      <ul className="grid gap-1">
        {(views.data ?? []).map((view) => {
          const query = viewQueryOf(view);
          const search = searchFromQuery(query);
          const active = onList && sameQuery(query, current);
          const summary =
            view.count === null
              ? t("nav.noLongerApplies")
              : view.value === null
                ? t("nav.count", { count: view.count })
                : `${t("nav.count", { count: view.count })} · ${formatMoney(view.value, view.currency)}`;
          return (
            <li key={view.id}>
              <NavLink
                to={search ? `${paths.collection}?${search}` : paths.collection}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-start gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active && "bg-accent text-accent-foreground",
                )}
              >
                <Bookmark aria-hidden className="mt-0.5 size-4 shrink-0" />
                <span className="grid min-w-0">
                  <span className="truncate font-medium">{view.name}</span>
                  <span className="text-xs tabular-nums" data-testid="saved-view-summary">
                    {summary}
                  </span>
                </span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section aria-labelledby="saved-views-heading" className="grid gap-1">
      <h2 id="saved-views-heading" className="px-3 pt-4 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {t("nav.heading")}
      </h2>
      {body}
    </section>
  );
}
