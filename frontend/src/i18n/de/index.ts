/** German texts every screen may need (shell, sign-in, the common words): one chunk, fetched before the first render. */
import common from "./common";
import app from "./app";
import auth from "./auth";
import notifications from "./notifications";
import vendors from "./vendors";
import search from "./search";
import ui from "./ui";
import views from "./views";

export default {
  common,
  app,
  auth,
  notifications,
  vendors,
  search,
  ui,
  views,
};
