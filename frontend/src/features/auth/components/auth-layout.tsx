import { TrendingUp } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { DeferredThemeToggle } from "@/components/deferred-theme-toggle";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

export function AuthLayout({ title, description, children, footer }: { title: string; description: string; children: ReactNode; footer: ReactNode }) {
  const { t } = useTranslation("auth");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
            <TrendingUp aria-hidden className="size-4" />
          </span>
          {t("layout.brand")}
        </span>
        <DeferredThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <Card className="w-full max-w-sm">
          <CardHeader>
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            <CardDescription>{description}</CardDescription>
          </CardHeader>
          <CardContent>{children}</CardContent>
          <div className="border-t px-5 py-4 text-center text-sm text-muted-foreground">{footer}</div>
        </Card>
      </main>
    </div>
  );
}
