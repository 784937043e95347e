import { BellRing, Boxes, FileUp, Heart, LayoutDashboard, Menu, Plus, Settings, TrendingUp } from "lucide-react";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigation } from "react-router";

import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { useMe } from "@/features/auth/api/get-me";
import { SavedViewsNav } from "@/features/saved-views/components/saved-views-nav";
import { SearchPalette } from "@/features/search/components/search-launcher";
import { cn } from "@/lib/utils";
import { useVendorPreference } from "@/lib/vendor-preference";

import { ShellMenus } from "./shell-menus";
import { ShellVendorSwitch } from "./shell-vendor-switch";

const MenuSheet = lazy(() => import("./menu-sheet"));
// Only an unverified account sees the banner: its code (and <Trans>'s parser, ≈ 4 kB gzip)
// stays out of every signed-in screen's first load.
const VerifyEmailBanner = lazy(() =>
  import("@/features/auth/components/verify-email-banner").then((m) => ({ default: m.VerifyEmailBanner })),
);

function VerifyEmailNotice() {
  const unverified = useMe().data?.email_verified === false;
  return unverified ? (
    <Suspense fallback={null}>
      <VerifyEmailBanner />
    </Suspense>
  ) : null;
}

function Brand() {
  const { t } = useTranslation("app");
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <TrendingUp aria-hidden className="size-4" />
      </span>
      {t("shell.brand")}
    </span>
  );
}

function NavItem({ to, icon, children, end, onNavigate }: { to: string; icon: ReactNode; children: ReactNode; end?: boolean; onNavigate?: () => void }) {
  return (
    <NavLink
      to={to}
      end={end}
      onClick={onNavigate}
      className={({ isActive }) =>
        cn(
          "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 [&_svg]:size-4",
          isActive && "bg-accent text-accent-foreground",
        )
      }
    >
      {icon}
      {children}
    </NavLink>
  );
}

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation("app");
  const vendor = useVendorPreference();
  const collection = vendor === null ? paths.collection : `${paths.collection}?vendor=${String(vendor)}`;
  return (
    <nav aria-label={t("nav.label")} className="grid gap-1">
      <NavItem to={paths.home} end icon={<LayoutDashboard aria-hidden />} onNavigate={onNavigate}>
        {t("nav.dashboard")}
      </NavItem>
      <NavItem to={collection} end icon={<Boxes aria-hidden />} onNavigate={onNavigate}>
        {t("nav.collection")}
      </NavItem>
      <NavItem to={paths.collectibleNew} icon={<Plus aria-hidden />} onNavigate={onNavigate}>
        {t("nav.addItem")}
      </NavItem>
      <NavItem to={paths.imports} icon={<FileUp aria-hidden />} onNavigate={onNavigate}>
        {t("nav.import")}
      </NavItem>
      <NavItem to={paths.wants} icon={<Heart aria-hidden />} onNavigate={onNavigate}>
        {t("nav.wants")}
      </NavItem>
      <NavItem to={paths.alerts} icon={<BellRing aria-hidden />} onNavigate={onNavigate}>
        {t("nav.alerts")}
      </NavItem>
      <NavItem to={paths.settings} icon={<Settings aria-hidden />} onNavigate={onNavigate}>
        {t("nav.settings")}
      </NavItem>
      <SavedViewsNav onNavigate={onNavigate} />
    </nav>
  );
}

/**
 * The signed-in layout: sidebar on desktop, a menu sheet on small screens. It lives in app/
 * because it composes several features (search, vendors, auth) around the routes.
 */
export function AppShell() {
  const { t } = useTranslation("app");
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuWanted, setMenuWanted] = useState(false);
  const navigation = useNavigation();
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:ring-2 focus:ring-ring"
      >
        {t("shell.skipToContent")}
      </a>
      <aside className="sticky top-0 hidden h-dvh flex-col gap-6 overflow-y-auto border-r bg-card/50 p-4 md:flex">
        <Brand />
        <Navigation />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-4 backdrop-blur sm:px-6">
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label={t("shell.openMenu")}
            aria-haspopup="dialog"
            aria-expanded={menuOpen}
            onClick={() => {
              setMenuWanted(true);
              setMenuOpen(true);
            }}
          >
            <Menu />
          </Button>
          {menuWanted ? (
            <Suspense fallback={null}>
              <MenuSheet open={menuOpen} onOpenChange={setMenuOpen} title={<Brand />}>
                <Navigation onNavigate={() => setMenuOpen(false)} />
              </MenuSheet>
            </Suspense>
          ) : null}
          <span className="md:hidden">
            <Brand />
          </span>
          <div className="ml-auto flex items-center gap-1">
            <SearchPalette className="mr-1" />
            <ShellVendorSwitch className="mr-1 hidden sm:block" />
            <ShellMenus />
          </div>
        </header>
        <ShellVendorSwitch className="border-b px-4 py-2 sm:hidden" />
        <VerifyEmailNotice />
        <div
          aria-hidden
          className={cn(
            "h-0.5 bg-primary transition-opacity",
            navigation.state === "loading" ? "animate-pulse opacity-100" : "opacity-0",
          )}
        />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
