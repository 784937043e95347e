import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { changeLanguage, LANGUAGES, type Language } from "@/i18n";
import type { User } from "@/lib/api/types";

import { authKeys } from "../api/keys";
import { useUpdateMe } from "../api/update-me";

function isLanguage(value: string): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

/**
 * The app's language on this device: switching loads its texts, sets `<html lang>` and
 * remembers the choice (see src/i18n). Each language is named in its own words. Signed in,
 * the choice is also the account's `language`, which mails, pushes and the inbox are
 * written in (docs/api.md, "Languages").
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation(["auth", "common"]);
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();
  const [pending, setPending] = useState(false);
  const current = LANGUAGES.find((language) => language.code === i18n.resolvedLanguage)?.code ?? "en";

  /** The account's language (mails, pushes): said once it is saved, with a retry when it is not. */
  const saveForAccount = (code: Language) =>
    updateMe.mutate(
      { language: code },
      {
        onSuccess: () => toast.success(t("language.changedEverywhere", { lng: code })),
        onError: () =>
          toast.error(t("language.notSaved", { lng: code }), {
            action: { label: t("common:actions.retry", { lng: code }), onClick: () => saveForAccount(code) },
          }),
      },
    );

  const choose = async (code: string) => {
    if (!isLanguage(code) || code === current) return;
    setPending(true);
    try {
      await changeLanguage(code);
    } catch {
      toast.error(t("common:status.somethingWentWrong"));
      return;
    } finally {
      setPending(false);
    }
    const me = queryClient.getQueryData<User>(authKeys.me());
    // Every message is said in the language just chosen; one toast, after the save if there is one.
    if (me && me.language !== code) saveForAccount(code);
    else toast.success(t("language.changed", { lng: code }));
  };

  return (
    <Card>
      <CardContent>
        <div className="max-w-md">
          <Field label={t("common:language.label")} description={`${t("common:language.hint")} ${t("language.alsoWrittenIn")}`}>
            {(control) => (
              <NativeSelect {...control} value={current} disabled={pending} onChange={(event) => void choose(event.target.value)}>
                {LANGUAGES.map((language) => (
                  <option key={language.code} value={language.code} lang={language.code}>
                    {language.label}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        </div>
      </CardContent>
    </Card>
  );
}
