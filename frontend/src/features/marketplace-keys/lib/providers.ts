import type { MarketplaceCredential, MarketplaceProvider } from "@/lib/api/types";

export type SecretField = "token" | "client_id" | "client_secret";

export interface SecretFieldInfo {
  name: SecretField;
  label: string;
  /** The answer's masked copy of this secret (the secret itself never comes back). */
  masked: "token_masked" | "client_id_masked" | "client_secret_masked";
}

export interface ProviderInfo {
  provider: MarketplaceProvider;
  label: string;
  usedFor: string;
  /** What happens without a key: the sentence a tracker's failure also says. */
  withoutKey: string;
  whereToGet: string;
  whereToGetUrl: string;
  fields: readonly [SecretFieldInfo, ...SecretFieldInfo[]];
}

// The same fields per provider as the API (users/credentials.py FIELDS): a Discogs key is a
// token, an eBay key an application's client id and secret.
export const PROVIDERS: Record<MarketplaceProvider, ProviderInfo> = {
  discogs: {
    provider: "discogs",
    label: "Discogs",
    usedFor: "Prices Discogs release trackers through the Discogs API: the lowest copy for sale and the suggested price per grade.",
    withoutKey: "Discogs trackers fail with “missing credentials” until you add one.",
    whereToGet: "Generate a personal access token on discogs.com under Settings → Developers.",
    whereToGetUrl: "https://www.discogs.com/settings/developers",
    fields: [{ name: "token", label: "Personal access token", masked: "token_masked" }],
  },
  ebay: {
    provider: "ebay",
    label: "eBay",
    usedFor: "Prices eBay items tracked with the eBay Browse API source (ebay_api) instead of their page.",
    withoutKey: "eBay API trackers fail with “missing credentials” until you add one; eBay page trackers do not need it.",
    whereToGet: "Create an application on developer.ebay.com and copy its production Application Keys (App ID and Cert ID).",
    whereToGetUrl: "https://developer.ebay.com/my/keys",
    fields: [
      { name: "client_id", label: "Client ID (App ID)", masked: "client_id_masked" },
      { name: "client_secret", label: "Client secret (Cert ID)", masked: "client_secret_masked" },
    ],
  },
};

export const PROVIDER_ORDER: readonly MarketplaceProvider[] = ["discogs", "ebay"];

export function credentialFor(credentials: readonly MarketplaceCredential[], provider: MarketplaceProvider) {
  return credentials.find((c) => c.provider === provider);
}
