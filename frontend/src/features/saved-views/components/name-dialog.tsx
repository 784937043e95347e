import { useState, type ReactNode, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

import { errorMessage } from "../lib/error-message";

const MAX_NAME_LENGTH = 80;

/** A dialog asking for a view's name; `submitLabel` may follow the name typed. */
export function NameDialog({
  open,
  onOpenChange,
  title,
  description,
  initialName,
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  initialName: string;
  submitLabel: (name: string) => string;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation("views");
  const [name, setName] = useState(initialName);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  const message = errorMessage(error);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setName(initialName);
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description ? <DialogDescription>{description}</DialogDescription> : null}
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="saved-view-name">{t("save.nameLabel")}</Label>
            <Input
              id="saved-view-name"
              value={name}
              maxLength={MAX_NAME_LENGTH}
              placeholder={t("save.namePlaceholder")}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? "saved-view-error" : undefined}
              onChange={(event) => setName(event.target.value)}
              autoFocus
            />
            {message ? (
              <p id="saved-view-error" role="alert" className="text-sm text-destructive">
                {message}
              </p>
            ) : null}
          </div>
          {children}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("save.cancel")}
            </Button>
            <Button type="submit" disabled={pending || !name.trim()}>
              {submitLabel(name.trim())}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
