/** The texts the first screens need (shell, sign-in, dashboard): bundled with the app. */
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
} as const;
