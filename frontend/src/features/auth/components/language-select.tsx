import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { changeLanguage, LANGUAGES, type Language } from "@/i18n";

function isLanguage(value: string): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

/**
 * The app's language on this device: switching loads its texts, sets `<html lang>` and
 * remembers the choice (see src/i18n). Each language is named in its own words.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation(["auth", "common"]);
  const [pending, setPending] = useState(false);
  const current = LANGUAGES.find((language) => language.code === i18n.resolvedLanguage)?.code ?? "en";

  const choose = async (code: string) => {
    if (!isLanguage(code) || code === current) return;
    setPending(true);
    try {
      await changeLanguage(code);
      // Said in the language just chosen.
      toast.success(t("language.changed", { lng: code }));
    } catch {
      toast.error(t("common:status.somethingWentWrong"));
    } finally {
      setPending(false);
    }
  };

  return (
    <Card>
      <CardContent>
        <div className="max-w-md">
          <Field label={t("common:language.label")} description={t("common:language.hint")}>
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
