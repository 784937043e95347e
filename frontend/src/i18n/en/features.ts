/** The other screens' texts: a chunk of their own, fetched when a route that needs them opens. */
import collectibles from "./collectibles";
import prices from "./prices";
import imports from "./imports";
import alerts from "./alerts";
import marketplaceKeys from "./marketplaceKeys";
import photos from "./photos";

export default {
  collectibles,
  prices,
  imports,
  alerts,
  marketplaceKeys,
  photos,
} as const;
