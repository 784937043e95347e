import { SearchX } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";

export function Component() {
  const { t } = useTranslation("app");
  return (
    <>
      <title>{t("notFound.pageTitle")}</title>
      <EmptyState
        icon={SearchX}
        title={t("notFound.heading")}
        headingLevel={1}
        description={t("notFound.description")}
        action={
          <Button asChild variant="outline">
            <Link to={paths.collection}>{t("notFound.back")}</Link>
          </Button>
        }
      />
    </>
  );
}
