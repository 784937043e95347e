import { Bell, Boxes, ShieldCheck, UserRound, UserX } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";

import { paths } from "@/config/paths";
import { cn } from "@/lib/utils";

function SettingsLink({ to, icon, children, end }: { to: string; icon: ReactNode; children: ReactNode; end?: boolean }) {
  return (
    <NavLink
      to={to}
      end={end}
      className={({ isActive }) =>
        cn(
          "flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 [&_svg]:size-4",
          isActive && "bg-accent text-accent-foreground",
        )
      }
    >
      {icon}
      {children}
    </NavLink>
  );
}

/** The settings area: one navigation (a row on phones, a column beside the page on desktop). */
export function Component() {
  const { t } = useTranslation("app");
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("settings.heading")}</h1>
      <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
        <nav aria-label={t("settings.navLabel")} className="-mx-1 flex gap-1 overflow-x-auto px-1 md:flex-col md:overflow-visible">
          <SettingsLink to={paths.settings} end icon={<UserRound aria-hidden />}>
            {t("settings.profile")}
          </SettingsLink>
          <SettingsLink to={paths.settingsSecurity} icon={<ShieldCheck aria-hidden />}>
            {t("settings.security")}
          </SettingsLink>
          <SettingsLink to={paths.notificationSettings} icon={<Bell aria-hidden />}>
            {t("settings.notifications")}
          </SettingsLink>
          <SettingsLink to={paths.collectionSettings} icon={<Boxes aria-hidden />}>
            {t("settings.collections")}
          </SettingsLink>
          <SettingsLink to={paths.settingsAccount} icon={<UserX aria-hidden />}>
            {t("settings.account")}
          </SettingsLink>
        </nav>
        <div className="min-w-0">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
