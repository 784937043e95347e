/** The namespaces beyond the first screens: each one a chunk of its own, fetched with the routes that show it (`loadTexts` in ../index.ts). */
import dashboard from "./dashboard";
import collectibles from "./collectibles";
import prices from "./prices";
import imports from "./imports";
import alerts from "./alerts";
import marketplaceKeys from "./marketplaceKeys";
import photos from "./photos";

export default {
  dashboard,
  collectibles,
  prices,
  imports,
  alerts,
  marketplaceKeys,
  photos,
} as const;
