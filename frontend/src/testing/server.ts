import { setupServer } from "msw/node";

import { handlers } from "./handlers";
import { alertHandlers } from "./handlers-alerts";
import { notificationHandlers } from "./handlers-notifications";
import { wantHandlers } from "./handlers-wants";

export const server = setupServer(...handlers, ...notificationHandlers, ...alertHandlers, ...wantHandlers);
