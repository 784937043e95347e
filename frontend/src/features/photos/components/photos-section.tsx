import { ArrowLeft, ArrowRight, Globe, ImagePlus, Images, Star, Trash2, X } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";

import { deleteWithUndo } from "@/components/delete-with-undo";
import { EmptyState, ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import { cn } from "@/lib/utils";

import { useDeletePhoto } from "../api/delete-photo";
import { usePhotos } from "../api/get-photos";
import { photoKeys } from "../api/keys";
import { usePhotoFromTracker } from "../api/photo-from-tracker";
import { useReorderPhotos } from "../api/reorder-photos";
import { useSetCoverPhoto } from "../api/update-photo";
import { useUploadPhotos, type UploadState } from "../api/upload-photo";
import type { Photo } from "@/lib/api/types";

const ACCEPT = "image/jpeg,image/png,image/webp,image/gif";

/** A tracker whose page may offer a product image (passed in by the route). */
export interface PageImageSource {
  id: number;
  url: string;
}

function UploadRow({ upload, onDismiss }: { upload: UploadState; onDismiss: () => void }) {
  const { t } = useTranslation("photos");
  const percent = Math.round(upload.progress * 100);
  return (
    <li className="grid gap-1 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="truncate">{upload.name}</span>
        {upload.error ? (
          <Button variant="ghost" size="icon-sm" aria-label={t("upload.dismiss", { name: upload.name })} onClick={onDismiss}>
            <X aria-hidden />
          </Button>
        ) : (
          <span className="text-xs text-muted-foreground tabular-nums">{percent}%</span>
        )}
      </div>
      {upload.error ? (
        <p role="alert" className="text-xs text-destructive">
          {upload.error}
        </p>
      ) : (
        <div role="progressbar" aria-label={t("upload.progress", { name: upload.name })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-1.5 overflow-hidden rounded-full bg-muted">
          <div className="h-full bg-primary transition-[width]" style={{ width: `${String(percent)}%` }} />
        </div>
      )}
    </li>
  );
}

function PhotoTile({ photo, index, count, canEdit, onMove, collectibleId }: { photo: Photo; index: number; count: number; canEdit: boolean; onMove: (from: number, to: number) => void; collectibleId: number }) {
  const setCover = useSetCoverPhoto(collectibleId);
  const remove = useDeletePhoto(collectibleId);
  const queryClient = useQueryClient();
  const { t } = useTranslation("photos");
  const n = String(index + 1);
  return (
    <li className="group relative overflow-hidden rounded-lg border bg-muted">
      <a href={photo.url} target="_blank" rel="noreferrer" className="block focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        <img src={photo.thumbnail_url} alt={photo.is_cover ? t("tile.altCover", { n }) : t("tile.alt", { n })} loading="lazy" className="aspect-square w-full object-cover" />
      </a>
      {photo.is_cover ? (
        <Badge className="absolute top-2 left-2">
          <Star aria-hidden /> {t("tile.cover")}
        </Badge>
      ) : null}
      {canEdit ? (
        <div className="flex items-center justify-between gap-1 border-t bg-background/95 p-1">
          <div className="flex">
            <Button variant="ghost" size="icon-sm" aria-label={t("tile.moveEarlier", { n })} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
              <ArrowLeft aria-hidden />
            </Button>
            <Button variant="ghost" size="icon-sm" aria-label={t("tile.moveLater", { n })} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
              <ArrowRight aria-hidden />
            </Button>
          </div>
          <div className="flex">
            {!photo.is_cover ? (
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t("tile.makeCover", { n })}
                disabled={setCover.isPending}
                onClick={() =>
                  setCover.mutate(photo.id, { onSuccess: () => toast.success(t("tile.coverSet", { n })), onError: (e) => toast.error(toApiError(e).message) })
                }
              >
                <Star aria-hidden />
              </Button>
            ) : null}
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t("tile.delete", { n })}
              className="text-destructive hover:text-destructive"
              onClick={() =>
                deleteWithUndo({
                  queryClient, lists: photoKeys.item(collectibleId), ids: [photo.id], message: t("tile.deleted", { n }),
                  send: () => remove.mutateAsync(photo.id),
                })
              }
            >
              <Trash2 aria-hidden />
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** The item page's photos: upload (drop or pick), progress, order, cover, delete. */
export function PhotosSection({ collectibleId, canEdit, pageImageSources = [] }: { collectibleId: number; canEdit: boolean; pageImageSources?: PageImageSource[] }) {
  const { t } = useTranslation("photos");
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const photos = usePhotos(collectibleId);
  const reorder = useReorderPhotos(collectibleId);
  const fromPage = usePhotoFromTracker(collectibleId);
  const { uploads, upload, dismiss } = useUploadPhotos(collectibleId);
  // One "order saved" toast however many steps a photo is moved in a row.
  const orderToast = useRef<number | null>(null);

  const addFiles = (files: FileList | null) => {
    const images = [...(files ?? [])].filter((f) => f.type === "" || f.type.startsWith("image/"));
    if (images.length > 0) void upload(images);
    else if (files && files.length > 0) toast.error(t("section.onlyImages"));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (canEdit) addFiles(event.dataTransfer.files);
  };
  const move = (from: number, to: number) => {
    const ids = (photos.data ?? []).map((p) => p.id);
    const [moved] = ids.splice(from, 1);
    if (moved === undefined) return;
    ids.splice(to, 0, moved);
    reorder.mutate(ids, {
      onSuccess: () => {
        if (orderToast.current !== null) toast.dismiss(orderToast.current);
        orderToast.current = toast.success(t("section.orderSaved"));
      },
      onError: (e) => toast.error(toApiError(e).message),
    });
  };

  let body;
  if (photos.isPending) {
    body = (
      <div role="status" aria-label={t("section.loading")} className="grid grid-cols-3 gap-3 sm:grid-cols-5">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="aspect-square w-full" />
        ))}
      </div>
    );
  } else if (photos.isError) {
    body = <ErrorState title={t("section.loadError")} error={photos.error} onRetry={() => void photos.refetch()} />;
  } else if (photos.data.length === 0 && uploads.length === 0) {
    body = (
      <EmptyState
        icon={Images}
        title={t("section.emptyTitle")}
        description={canEdit ? t("section.emptyDescription") : undefined}
        className="py-8"
      />
    );
  } else {
    body = (
      <ul aria-label={t("section.list")} className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-5">
        {photos.data.map((photo, index) => (
          <PhotoTile key={photo.id} photo={photo} index={index} count={photos.data.length} canEdit={canEdit} onMove={move} collectibleId={collectibleId} />
        ))}
      </ul>
    );
  }

  return (
    <Card
      aria-labelledby={`${inputId}-title`}
      onDragOver={(event) => {
        if (!canEdit) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cn(dragging && "ring-2 ring-primary")}
    >
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle id={`${inputId}-title`} className="text-base">
            {t("section.title")}
          </CardTitle>
          <CardDescription>{canEdit ? t("section.descriptionEdit") : t("section.descriptionView")}</CardDescription>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            {pageImageSources.map((source, index) => (
              <Button
                key={source.id}
                variant="outline"
                size="sm"
                disabled={fromPage.isPending}
                title={source.url}
                onClick={() =>
                  fromPage.mutate(source.id, {
                    onSuccess: () => toast.success(t("fromPage.added")),
                  })
                }
              >
                <Globe aria-hidden /> {fromPage.isPending ? t("fromPage.fetching") : pageImageSources.length > 1 ? t("fromPage.useNthImage", { n: String(index + 1) }) : t("fromPage.useImage")}
              </Button>
            ))}
            <input ref={input} id={inputId} type="file" accept={ACCEPT} multiple className="sr-only" aria-label={t("section.choose")} onChange={(e) => {
              addFiles(e.target.files);
              e.target.value = "";
            }} />
            <Button size="sm" onClick={() => input.current?.click()}>
              <ImagePlus aria-hidden /> {t("section.add")}
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {fromPage.isError ? <FormAlert message={toApiError(fromPage.error).message} /> : null}
        {uploads.length > 0 ? (
          <ul aria-label={t("section.uploads")} className="grid gap-2">
            {uploads.map((u) => (
              <UploadRow key={u.key} upload={u} onDismiss={() => dismiss(u.key)} />
            ))}
          </ul>
        ) : null}
        {body}
      </CardContent>
    </Card>
  );
}
