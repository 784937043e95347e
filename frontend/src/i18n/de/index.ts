/** German texts of the first screens: one chunk, fetched before the first render. */
import common from "./common";
import app from "./app";
import auth from "./auth";
import dashboard from "./dashboard";
import notifications from "./notifications";
import vendors from "./vendors";
import search from "./search";
import ui from "./ui";
import views from "./views";

export default {
  common,
  app,
  auth,
  dashboard,
  notifications,
  vendors,
  search,
  ui,
  views,
};
