/** German texts beyond the first screens: each namespace a chunk, fetched with its English twin when a route shows it. */
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
};
