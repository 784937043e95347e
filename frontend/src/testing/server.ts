import { setupServer } from "msw/node";

import { handlers } from "./handlers";
import { alertHandlers } from "./handlers-alerts";
import { marketplaceKeyHandlers } from "./handlers-marketplace-keys";
import { notificationHandlers } from "./handlers-notifications";
import { viewHandlers } from "./handlers-views";
import { wantHandlers } from "./handlers-wants";

export const server = setupServer(...handlers, ...notificationHandlers, ...marketplaceKeyHandlers, ...alertHandlers, ...wantHandlers, ...viewHandlers);
