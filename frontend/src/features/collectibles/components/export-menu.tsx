import { ChevronDown, Download } from "lucide-react";
import { useTranslation } from "react-i18next";

import { lazyOverlay } from "@/components/lazy-overlay";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";

import { useExportCollectibles, type ExportFilters } from "../api/export-collectibles";

// The menu's code (Radix Menu, Floating UI) comes on first use: the list's first load is without it.
const ExportFormatMenu = lazyOverlay(() => import("./export-format-menu").then((m) => m.ExportFormatMenu), "menu");

/** Downloads what the list shows (every page, with its filters and sort) as a file. */
export function ExportMenu({ filters, filtered }: { filters: ExportFilters; filtered: boolean }) {
  const { t } = useTranslation("collectibles");
  const exporter = useExportCollectibles();
  return (
    <ExportFormatMenu
      trigger={
        <Button variant="outline" disabled={exporter.isPending}>
          <Download aria-hidden /> {exporter.isPending ? t("export.exporting") : t("export.button")}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      }
      filtered={filtered}
      onExport={(format) =>
        exporter.mutate(
          { format, filters },
          {
            // Many browsers save it without a word: say that it went, and under which name.
            onSuccess: ({ filename }) => toast.success(t("export.downloaded", { filename })),
            onError: (error) => toast.error(t("export.failed", { message: toApiError(error).message })),
          },
        )
      }
    />
  );
}
