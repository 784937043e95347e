import { BellRing, History, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
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
import type { AlertRule, Vendor } from "@/lib/api/types";
import { formatDateTime, formatMoney } from "@/lib/utils";

import { alertKeys, EVENTS_PAGE_SIZE, useAlertEvents, useAlertRules, useCreateAlertRule, useDeleteAlertRule, useUpdateAlertRule } from "../api/alerts";
import { describeRule } from "../lib/rule-form";
import { RuleForm } from "./rule-form";

/** The watched item, named by the rule itself (`collectible_name`: no request per row). */
function ItemLink({ id, name }: { id: number; name: string | null }) {
  return (
    <Link className="hover:underline" to={paths.collectible(id)}>
      {name ?? `Item #${String(id)}`}
    </Link>
  );
}

function RuleRow({ rule, vendors, onEdit }: { rule: AlertRule; vendors: Vendor[]; onEdit: () => void }) {
  const update = useUpdateAlertRule();
  const remove = useDeleteAlertRule();
  const queryClient = useQueryClient();
  const vendor = vendors.find((v) => v.id === rule.vendor);
  const description = describeRule(rule);
  return (
    <TableRow>
      <TableCell className="font-medium">{description}</TableCell>
      <TableCell>
        {rule.collectible === null || rule.collectible === undefined ? (
          `Every item${vendor ? ` of ${vendor.name}` : ""}`
        ) : (
          <ItemLink id={rule.collectible} name={rule.collectible_name} />
        )}
      </TableCell>
      <TableCell>{rule.last_fired_at ? formatDateTime(rule.last_fired_at) : "Never"}</TableCell>
      <TableCell>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={rule.enabled}
            disabled={update.isPending}
            aria-label={`${description}: enabled`}
            onChange={(e) => update.mutate({ id: rule.id, body: { enabled: e.target.checked } })}
          />
          {rule.enabled ? "On" : "Off"}
        </label>
      </TableCell>
      <TableCell className="text-right">
        <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${description}`}>
          Edit
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Delete ${description}`}
          disabled={remove.isPending}
          onClick={() =>
            deleteWithUndo({ queryClient, lists: alertKeys.rules(), id: rule.id, message: "Alert rule deleted.", send: () => remove.mutateAsync(rule.id) })
          }
        >
          <Trash2 aria-hidden />
        </Button>
      </TableCell>
    </TableRow>
  );
}

function RulesSection({ vendors, defaultVendor }: { vendors: Vendor[]; defaultVendor: number | null }) {
  const rules = useAlertRules();
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const [editing, setEditing] = useState<AlertRule | "new" | null>(null);
  let content;
  if (rules.isPending) content = <Skeleton className="h-32" />;
  else if (rules.isError) content = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (rules.data.length === 0) {
    content = <EmptyState icon={BellRing} title="No alert rules yet" description="Be told when a price drops under your target, hits a new low, or a tracker breaks." />;
  } else {
    content = (
      <Table aria-label="Alert rules">
        <TableHeader>
          <TableRow>
            <TableHead>Rule</TableHead>
            <TableHead>Watches</TableHead>
            <TableHead>Last fired</TableHead>
            <TableHead>Enabled</TableHead>
            <TableHead className="text-right">Actions</TableHead>
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
        <h2 id="rules-heading" className="text-lg font-semibold">Rules</h2>
        <Button onClick={() => setEditing("new")} disabled={vendors.length === 0}>
          <Plus aria-hidden />
          New rule
        </Button>
      </div>
      {content}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogTitle>{editing === "new" ? "New alert rule" : "Edit alert rule"}</DialogTitle>
          <DialogDescription>A rule fires once when its condition becomes true, and again only after it was false.</DialogDescription>
          {editing !== null ? (
            <RuleForm
              rule={editing === "new" ? undefined : editing}
              vendors={vendors}
              defaultVendor={defaultVendor}
              onCancel={() => setEditing(null)}
              onSubmit={async (body) => {
                if (editing === "new") await create.mutateAsync(body);
                else await update.mutateAsync({ id: editing.id, body });
                toast.success("Alert rule saved.");
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
  const [page, setPage] = useState(1);
  const events = useAlertEvents(page);
  let content;
  if (events.isPending) content = <Skeleton className="h-32" />;
  else if (events.isError) content = <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  else if (events.data.results.length === 0) content = <EmptyState icon={History} title="Nothing fired yet" description="Fired alerts are listed here with the price that triggered them." />;
  else {
    content = (
      <>
        <Table aria-label="Fired alerts">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>What</TableHead>
              <TableHead>Price</TableHead>
              <TableHead>Source</TableHead>
              <TableHead>Delivered</TableHead>
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
                        {e.source || "Listing"}
                      </a>
                    ) : (
                      e.source || "—"
                    )}
                  </TableCell>
                  <TableCell>{e.delivered ? <Badge variant="outline">Delivered</Badge> : <Badge>Not delivered</Badge>}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {events.data.count > EVENTS_PAGE_SIZE ? (
          <nav aria-label="Fired alerts pages" className="flex items-center justify-end gap-2">
            <Button variant="outline" size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <Button variant="outline" size="sm" disabled={events.data.next === null} onClick={() => setPage(page + 1)}>
              Older
            </Button>
          </nav>
        ) : null}
      </>
    );
  }
  return (
    <section aria-labelledby="events-heading" className="grid gap-3">
      <h2 id="events-heading" className="text-lg font-semibold">Fired alerts</h2>
      {content}
    </section>
  );
}

export function AlertsView({ vendors, defaultVendor }: { vendors: Vendor[]; defaultVendor: number | null }) {
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
        <p className="text-sm text-muted-foreground">Rules on your items, wants and collections, and what they fired.</p>
      </div>
      <RulesSection vendors={vendors} defaultVendor={defaultVendor} />
      <EventsSection />
    </div>
  );
}
