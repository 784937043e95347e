import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

import { api } from "@/lib/api/client";
import { errorFromResponse, networkError } from "@/lib/api/errors";
import { apiUrl } from "@/lib/api/raw";
import { tokenStore } from "@/lib/api/token-store";

import { invalidateAfterPhotos } from "./keys";
import type { Photo } from "@/lib/api/types";

function sendOnce(url: string, file: File, token: string | null, onProgress: (fraction: number) => void): Promise<{ status: number; body: unknown; headers: Headers }> {
  return new Promise((resolve, reject) => {
    // XMLHttpRequest, not fetch: only it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader("Retry-After");
      if (retryAfter) headers.set("Retry-After", retryAfter);
      resolve({ status: xhr.status, body, headers });
    };
    xhr.onerror = () => reject(networkError(new Error("Upload failed")));
    const form = new FormData();
    form.append("image", file);
    xhr.send(form);
  });
}

/** Uploads one image (validated, EXIF stripped and thumbnailed by the server). */
export async function uploadPhoto(collectibleId: number, file: File, onProgress: (fraction: number) => void): Promise<Photo> {
  const url = apiUrl(`/api/v1/collectibles/${String(collectibleId)}/photos/`);
  let answer = await sendOnce(url, file, tokenStore.get(), onProgress);
  if (answer.status === 401) {
    // The access token expired mid-session: refresh once (shared with the client), replay.
    const token = await api.refreshAccessToken();
    if (token) answer = await sendOnce(url, file, token, onProgress);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw errorFromResponse(new Response(null, { status: answer.status, headers: answer.headers }), answer.body);
  }
  return answer.body as Photo;
}

export interface UploadState {
  key: string;
  name: string;
  /** 0..1 */
  progress: number;
  error: string | null;
}

/** Uploads files one after another, with per-file progress and errors. */
export function useUploadPhotos(collectibleId: number) {
  const { t } = useTranslation("photos");
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<UploadState[]>([]);

  const patch = (key: string, change: Partial<UploadState>) =>
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const upload = useCallback(
    async (files: File[]) => {
      const batch = files.map((file, index) => ({ file, key: `${String(Date.now())}-${String(index)}-${file.name}` }));
      setUploads((current) => [...current.filter((u) => u.error === null && u.progress < 1), ...batch.map(({ file, key }) => ({ key, name: file.name, progress: 0, error: null }))]);
      for (const { file, key } of batch) {
        try {
          await uploadPhoto(collectibleId, file, (progress) => patch(key, { progress }));
          setUploads((current) => current.filter((u) => u.key !== key));
          await invalidateAfterPhotos(queryClient, collectibleId);
        } catch (error) {
          patch(key, { error: error instanceof Error ? error.message : t("upload.failed") });
        }
      }
    },
    [collectibleId, queryClient, t],
  );

  const dismiss = (key: string) => setUploads((current) => current.filter((u) => u.key !== key));
  return { uploads, upload, dismiss };
}
