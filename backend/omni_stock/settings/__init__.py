"""Settings, read from the environment through one typed reader (django-environ).

Every variable is listed in `.env.example` and the README. Bad values fail at start-up
with a message naming the variable, never later at request time. `base` holds what every
part shares; each other module one subject's section, read in this order.
"""

from omni_stock.settings.accounts import *  # noqa: F403
from omni_stock.settings.base import *  # noqa: F403
from omni_stock.settings.imports import *  # noqa: F403
from omni_stock.settings.media import *  # noqa: F403
from omni_stock.settings.notifications import *  # noqa: F403
from omni_stock.settings.observability import *  # noqa: F403
from omni_stock.settings.price_engine import *  # noqa: F403
from omni_stock.settings.valuation import *  # noqa: F403
