import type { MarketplaceCredential, MarketplaceProvider } from "@/lib/api/types";

export type SecretField = "token" | "client_id" | "client_secret";

/** A secret field; its label is `t(\`fields.${name}\`)` in the "marketplaceKeys" namespace. */
export interface SecretFieldInfo {
  name: SecretField;
  /** The answer's masked copy of this secret (the secret itself never comes back). */
  masked: "token_masked" | "client_id_masked" | "client_secret_masked";
}

/**
 * A provider; its texts are in the "marketplaceKeys" namespace under `providers.<provider>`:
 * `usedFor`, `withoutKey` (what happens without a key: the sentence a tracker's failure also
 * says) and `whereToGet`.
 */
export interface ProviderInfo {
  provider: MarketplaceProvider;
  /** The marketplace's own name (not translated). */
  label: string;
  whereToGetUrl: string;
  fields: readonly [SecretFieldInfo, ...SecretFieldInfo[]];
}

// The same fields per provider as the API (users/credentials.py FIELDS): a Discogs key is a
// token, an eBay key an application's client id and secret.
export const PROVIDERS: Record<MarketplaceProvider, ProviderInfo> = {
  discogs: {
    provider: "discogs",
    label: "Discogs",
    whereToGetUrl: "https://www.discogs.com/settings/developers",
    fields: [{ name: "token", masked: "token_masked" }],
  },
  ebay: {
    provider: "ebay",
    label: "eBay",
    whereToGetUrl: "https://developer.ebay.com/my/keys",
    fields: [
      { name: "client_id", masked: "client_id_masked" },
      { name: "client_secret", masked: "client_secret_masked" },
    ],
  },
};

export const PROVIDER_ORDER: readonly MarketplaceProvider[] = ["discogs", "ebay"];

export function credentialFor(credentials: readonly MarketplaceCredential[], provider: MarketplaceProvider) {
  return credentials.find((c) => c.provider === provider);
}
