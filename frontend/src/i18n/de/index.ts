import common from "./common";
import views from "./views";

export default {
  common,
  views,
};
