import { ChevronDown, Download, FolderPlus, LogOut, Pencil, Trash2, Users } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { EmptyState, ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";
import { setVendorPreference, useVendorPreference } from "@/lib/vendor-preference";

import { useCreateCollection, useDeleteCollection, useDownloadTakeout, useLeaveCollection, useRenameCollection } from "../api/collections";
import { useVendors } from "../api/get-vendors";
import { useMembers } from "../api/members";
import { collectionActions } from "../lib/collections";
import { CollectionMembers } from "./collection-members";
import { CollectionNameForm } from "./collection-name-form";
import { SharingSettings } from "./sharing-settings";

type Dialogs = "rename" | "delete" | "leave" | null;

function DeleteDescription({ vendor }: { vendor: Vendor }) {
  const { t } = useTranslation("vendors");
  const takeout = useDownloadTakeout();
  return (
    <span className="grid gap-3">
      <span>{t("card.deleteGone", { name: vendor.name })}</span>
      <span>{t("card.deleteTakeoutHint")}</span>
      <span>
        <Button type="button" variant="outline" size="sm" disabled={takeout.isPending}
          onClick={() =>
            takeout.mutate(vendor.id, {
              onSuccess: () => toast.success(t("card.takeoutDownloaded")),
              onError: (error) => toast.error(toApiError(error).message),
            })
          }>
          <Download aria-hidden />
          {takeout.isPending ? t("card.preparing") : t("card.downloadTakeout")}
        </Button>
      </span>
    </span>
  );
}

function CollectionCard({ vendor, myUserId }: { vendor: Vendor; myUserId: number | null }) {
  const { t } = useTranslation("vendors");
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [open, setOpen] = useState(false);
  const rename = useRenameCollection();
  const remove = useDeleteCollection();
  const leave = useLeaveCollection();
  // Owners see whether another owner would stay if they left.
  const members = useMembers(vendor.id);
  const owners = members.data?.filter((m) => (m.role ?? "viewer") === "owner").length;
  const can = collectionActions(vendor, vendor.role === "owner" ? owners : undefined);
  const close = (next: boolean) => !next && setDialog(null);
  // A collection you no longer see must not stay the one the shell shows.
  const preference = useVendorPreference();
  const gone = (message: string) => {
    if (preference === vendor.id) setVendorPreference(null);
    toast.success(message);
    setDialog(null);
  };
  const panelId = `collection-${String(vendor.id)}-people`;

  return (
    <li>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div className="grid gap-1">
            <CardTitle className="text-base">{vendor.name}</CardTitle>
            <p className="text-sm text-muted-foreground">
              {vendor.is_personal ? t("card.personal", { currency: vendor.default_currency }) : vendor.default_currency}
            </p>
          </div>
          <Badge variant="outline">{t("card.you", { role: t(`roles.${vendor.role}`) })}</Badge>
        </CardHeader>
        <CardContent className="grid gap-3">
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
              <Users aria-hidden />
              {can.manage ? t("card.membersAndInvitations") : t("card.members")}
              <ChevronDown aria-hidden className={open ? "rotate-180" : undefined} />
            </Button>
            {can.rename ? (
              <Button variant="outline" size="sm" onClick={() => setDialog("rename")}>
                <Pencil aria-hidden />
                {t("card.rename")}
              </Button>
            ) : null}
            {can.leave ? (
              <Button variant="outline" size="sm" onClick={() => setDialog("leave")}>
                <LogOut aria-hidden />
                {t("card.leave")}
              </Button>
            ) : null}
            {can.delete ? (
              <Button variant="ghost" size="sm" className="text-destructive" onClick={() => setDialog("delete")}>
                <Trash2 aria-hidden />
                {t("card.delete")}
              </Button>
            ) : null}
          </div>
          {open ? (
            <div id={panelId} className="grid gap-3">
              <CollectionMembers vendor={vendor} myUserId={myUserId} />
              {vendor.role === "owner" ? <SharingSettings vendor={vendor} /> : null}
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Dialog open={dialog === "rename"} onOpenChange={close}>
        <DialogContent>
          <DialogTitle>{t("card.renameTitle", { name: vendor.name })}</DialogTitle>
          <DialogDescription>{t("card.renameDescription")}</DialogDescription>
          <CollectionNameForm initialName={vendor.name} submitLabel={t("card.rename")} onCancel={() => setDialog(null)}
            onSubmit={async ({ name }) => {
              await rename.mutateAsync({ id: vendor.id, name });
              toast.success(t("card.renamed", { name }));
              setDialog(null);
            }} />
        </DialogContent>
      </Dialog>
      <ConfirmDestructiveDialog open={dialog === "delete"} onOpenChange={close} title={t("card.deleteTitle", { name: vendor.name })}
        description={<DeleteDescription vendor={vendor} />} confirmLabel={t("card.deleteConfirm")} pendingLabel={t("card.deleting")}
        pending={remove.isPending} error={remove.error}
        onConfirm={() =>
          remove.mutate(vendor.id, {
            onSuccess: () => gone(t("card.deleted", { name: vendor.name })),
          })
        } />
      <ConfirmDestructiveDialog open={dialog === "leave"} onOpenChange={close} title={t("card.leaveTitle", { name: vendor.name })}
        description={t("card.leaveDescription")} confirmLabel={t("card.leaveConfirm")}
        pendingLabel={t("card.leaving")} pending={leave.isPending} error={leave.error}
        onConfirm={() =>
          leave.mutate(vendor.id, {
            onSuccess: () => gone(t("card.left", { name: vendor.name })),
          })
        } />
    </li>
  );
}

/** Settings → Collections: yours and shared ones, their people, and new ones. */
export function CollectionsSettings({ myUserId }: { myUserId: number | null }) {
  const { t } = useTranslation("vendors");
  const vendors = useVendors();
  const create = useCreateCollection();
  const [creating, setCreating] = useState(false);

  let content;
  if (vendors.isPending) content = <Skeleton className="h-32" />;
  else if (vendors.isError) content = <ErrorState error={vendors.error} onRetry={() => void vendors.refetch()} />;
  else if (vendors.data.length === 0) {
    content = (
      <EmptyState icon={FolderPlus} title={t("settings.emptyTitle")} description={t("settings.emptyDescription")} />
    );
  } else {
    content = (
      <ul className="grid gap-3" aria-label={t("settings.listLabel")}>
        {vendors.data.map((vendor) => (
          <CollectionCard key={vendor.id} vendor={vendor} myUserId={myUserId} />
        ))}
      </ul>
    );
  }

  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-xl font-semibold tracking-tight">{t("settings.heading")}</h2>
          <p className="text-sm text-muted-foreground">{t("settings.intro")}</p>
        </div>
        <Button onClick={() => setCreating(true)}>
          <FolderPlus aria-hidden />
          {t("settings.newCollection")}
        </Button>
      </div>
      {create.isError && !creating ? <FormAlert message={toApiError(create.error).message} /> : null}
      {content}
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent>
          <DialogTitle>{t("settings.newCollection")}</DialogTitle>
          <DialogDescription>{t("settings.newDescription")}</DialogDescription>
          <CollectionNameForm withCurrency submitLabel={t("settings.create")} onCancel={() => setCreating(false)}
            onSubmit={async (body) => {
              const vendor = await create.mutateAsync(body);
              toast.success(t("settings.created", { name: vendor.name }));
              setCreating(false);
            }} />
        </DialogContent>
      </Dialog>
    </div>
  );
}
