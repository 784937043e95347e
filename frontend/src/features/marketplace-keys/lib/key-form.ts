import { i18n } from "@/i18n";
import { z } from "@/lib/zod";

import type { MarketplaceCredentialChanges } from "@/lib/api/types";

import type { ProviderInfo } from "./providers";

// The server also refuses a key with spaces inside; its message is shown next to the field.
const secret = z
  .string()
  .trim()
  .max(500, { error: () => i18n.t("marketplaceKeys:form.tooLong") })
  .optional();

/**
 * A new key needs every field of its provider. A replacement sends only the fields typed in
 * (an empty one keeps the saved secret), but at least one.
 */
export function keyFormSchema(info: ProviderInfo, replacing: boolean) {
  return z.object({ token: secret, client_id: secret, client_secret: secret }).superRefine((values, ctx) => {
    const filled = info.fields.filter((f) => (values[f.name] ?? "") !== "");
    if (!replacing) {
      for (const field of info.fields) {
        if (!filled.includes(field)) ctx.addIssue({
            code: "custom",
            path: [field.name],
            message: i18n.t(`marketplaceKeys:form.paste.${field.name}`, { provider: info.label }),
          });
      }
    } else if (filled.length === 0) {
      ctx.addIssue({ code: "custom", path: [info.fields[0].name], message: i18n.t("marketplaceKeys:form.pasteNew") });
    }
  });
}

export type KeyFormValues = z.infer<ReturnType<typeof keyFormSchema>>;

/** Only the provider's fields: a server error about any other would have nowhere to show. */
export function emptyKeyForm(info: ProviderInfo): KeyFormValues {
  return Object.fromEntries(info.fields.map((f) => [f.name, ""]));
}

export function toKeyRequest(info: ProviderInfo, values: KeyFormValues): MarketplaceCredentialChanges {
  const body: MarketplaceCredentialChanges = {};
  for (const field of info.fields) {
    const value = values[field.name] ?? "";
    if (value !== "") body[field.name] = value;
  }
  return body;
}
