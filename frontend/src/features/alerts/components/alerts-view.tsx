import { BellRing, History, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useQueryClient } from "@tanstack/react-query";
import { deleteWithUndo } from "@/components/delete-with-undo";
import { EmptyState, ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { toApiError } from "@/lib/api/errors";
import type { AlertRule, Vendor } from "@/lib/api/types";
import { formatDateTime, formatMoney } from "@/lib/utils";

import { alertKeys, EVENTS_PAGE_SIZE, useAlertEvents, useAlertRules, useCreateAlertRule, useDeleteAlertRule, useUpdateAlertRule } from "../api/alerts";
import { describeRule } from "../lib/rule-form";
import { RuleForm } from "./rule-form";

/** The watched item, named by the rule itself (`collectible_name`: no request per row). */
function ItemLink({ id, name }: { id: number; name: string | null }) {
  const { t } = useTranslation("alerts");
  return (
    <Link className="hover:underline" to={paths.collectible(id)}>
      {name ?? t("rules.itemFallback", { id: String(id) })}
    </Link>
  );
}

function RuleRow({ rule, vendors, onEdit }: { rule: AlertRule; vendors: Vendor[]; onEdit: () => void }) {
  const { t } = useTranslation(["alerts", "common"]);
  const update = useUpdateAlertRule();
  const remove = useDeleteAlertRule();
  const queryClient = useQueryClient();
  const vendor = vendors.find((v) => v.id === rule.vendor);
  const description = describeRule(rule, t);
  return (
    <TableRow>
      <TableCell className="font-medium">{description}</TableCell>
      <TableCell>
        {rule.collectible === null || rule.collectible === undefined ? (
          vendor ? t("rules.everyItemOf", { vendor: vendor.name }) : t("rules.everyItem")
        ) : (
          <ItemLink id={rule.collectible} name={rule.collectible_name} />
        )}
      </TableCell>
      <TableCell>{rule.last_fired_at ? formatDateTime(rule.last_fired_at) : t("rules.never")}</TableCell>
      <TableCell>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={rule.enabled}
            disabled={update.isPending}
            aria-label={t("rules.enabledLabel", { rule: description })}
            onChange={(e) => {
              const enabled = e.target.checked;
              update.mutate(
                { id: rule.id, body: { enabled } },
                {
                  onSuccess: () => toast.success(enabled ? t("rules.turnedOn", { rule: description }) : t("rules.paused", { rule: description })),
                  onError: (error) => {
                    const message = toApiError(error).message;
                    toast.error(enabled ? t("rules.turnOnFailed", { message }) : t("rules.pauseFailed", { message }));
                  },
                },
              );
            }}
          />
          {rule.enabled ? t("rules.on") : t("rules.off")}
        </label>
      </TableCell>
      <TableCell className="text-right">
        <Button variant="ghost" size="sm" onClick={onEdit} aria-label={t("rules.editLabel", { rule: description })}>
          {t("common:actions.edit")}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t("rules.deleteLabel", { rule: description })}
          disabled={remove.isPending}
          onClick={() =>
            deleteWithUndo({ queryClient, lists: alertKeys.rules(), ids: [rule.id], message: t("rules.deleted"), send: () => remove.mutateAsync(rule.id) })
          }
        >
          <Trash2 aria-hidden />
        </Button>
      </TableCell>
    </TableRow>
  );
}

function RulesSection({ vendors, defaultVendor }: { vendors: Vendor[]; defaultVendor: number | null }) {
  const { t } = useTranslation("alerts");
  const rules = useAlertRules();
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const [editing, setEditing] = useState<AlertRule | "new" | null>(null);
  let content;
  if (rules.isPending) content = <Skeleton className="h-32" />;
  else if (rules.isError) content = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (rules.data.length === 0) {
    content = <EmptyState icon={BellRing} title={t("rules.emptyTitle")} description={t("rules.emptyDescription")} />;
  } else {
    content = (
      <Table aria-label={t("rules.tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("rules.columns.rule")}</TableHead>
            <TableHead>{t("rules.columns.watches")}</TableHead>
            <TableHead>{t("rules.columns.lastFired")}</TableHead>
            <TableHead>{t("rules.columns.enabled")}</TableHead>
            <TableHead className="text-right">{t("rules.columns.actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rules.data.map((rule) => (
            <RuleRow key={rule.id} rule={rule} vendors={vendors} onEdit={() => setEditing(rule)} />
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <section aria-labelledby="rules-heading" className="grid gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="rules-heading" className="text-lg font-semibold">{t("rules.heading")}</h2>
        <Button onClick={() => setEditing("new")} disabled={vendors.length === 0}>
          <Plus aria-hidden />
          {t("rules.newRule")}
        </Button>
      </div>
      {content}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogTitle>{editing === "new" ? t("rules.newTitle") : t("rules.editTitle")}</DialogTitle>
          <DialogDescription>{t("rules.dialogDescription")}</DialogDescription>
          {editing !== null ? (
            <RuleForm
              rule={editing === "new" ? undefined : editing}
              vendors={vendors}
              defaultVendor={defaultVendor}
              onCancel={() => setEditing(null)}
              onSubmit={async (body) => {
                if (editing === "new") await create.mutateAsync(body);
                else await update.mutateAsync({ id: editing.id, body });
                toast.success(t("rules.saved"));
                setEditing(null);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </section>
  );
}

function EventsSection() {
  const { t } = useTranslation("alerts");
  const [page, setPage] = useState(1);
  const events = useAlertEvents(page);
  let content;
  if (events.isPending) content = <Skeleton className="h-32" />;
  else if (events.isError) content = <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  else if (events.data.results.length === 0) content = <EmptyState icon={History} title={t("events.emptyTitle")} description={t("events.emptyDescription")} />;
  else {
    content = (
      <>
        <Table aria-label={t("events.tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("events.columns.when")}</TableHead>
              <TableHead>{t("events.columns.what")}</TableHead>
              <TableHead>{t("events.columns.price")}</TableHead>
              <TableHead>{t("events.columns.source")}</TableHead>
              <TableHead>{t("events.columns.delivered")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.data.results.map((e) => {
              return (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(e.fired_at)}</TableCell>
                  <TableCell>
                    {e.collectible !== null ? (
                      <Link className="hover:underline" to={paths.collectible(e.collectible)}>
                        {e.message}
                      </Link>
                    ) : (
                      e.message
                    )}
                  </TableCell>
                  <TableCell>{e.price ? formatMoney(e.price, e.currency) : "—"}</TableCell>
                  <TableCell>
                    {e.url && /^https?:\/\//.test(e.url) ? (
                      <a className="hover:underline" href={e.url} target="_blank" rel="noreferrer noopener">
                        {e.source || t("events.listing")}
                      </a>
                    ) : (
                      e.source || "—"
                    )}
                  </TableCell>
                  <TableCell>{e.delivered ? <Badge variant="outline">{t("events.delivered")}</Badge> : <Badge>{t("events.notDelivered")}</Badge>}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {events.data.count > EVENTS_PAGE_SIZE ? (
          <nav aria-label={t("events.pages")} className="flex items-center justify-end gap-2">
            <Button variant="outline" size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
              {t("events.newer")}
            </Button>
            <Button variant="outline" size="sm" disabled={events.data.next === null} onClick={() => setPage(page + 1)}>
              {t("events.older")}
            </Button>
          </nav>
        ) : null}
      </>
    );
  }
  return (
    <section aria-labelledby="events-heading" className="grid gap-3">
      <h2 id="events-heading" className="text-lg font-semibold">{t("events.heading")}</h2>
      {content}
    </section>
  );
}

export function AlertsView({ vendors, defaultVendor }: { vendors: Vendor[]; defaultVendor: number | null }) {
  const { t } = useTranslation("alerts");
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("view.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("view.description")}</p>
      </div>
      <RulesSection vendors={vendors} defaultVendor={defaultVendor} />
      <EventsSection />
    </div>
  );
}
