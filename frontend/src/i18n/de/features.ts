/** German texts of the other screens: fetched with the English ones when a route needs them. */
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
};
