"""Shapes of the price engine's API, by subject: trackers, jobs, prices."""

from price_history.serializers.jobs import (
    ScrapeJobSerializer,
    ScrapeRunSerializer,
    VendorRefreshSerializer,
)
from price_history.serializers.prices import (
    EARLIEST_PRICE_DAY,
    LATEST_QUERY_DAY,
    PRICE_QUERY_PARAMS,
    PriceCorrectionSerializer,
    PriceEntryChangeSerializer,
    PriceEntrySerializer,
    PricePointSerializer,
    PriceQuerySerializer,
    PriceSeriesResponseSerializer,
)
from price_history.serializers.trackers import TrackerSerializer, TrackerTestSerializer

__all__ = [
    "EARLIEST_PRICE_DAY",
    "LATEST_QUERY_DAY",
    "PRICE_QUERY_PARAMS",
    "PriceCorrectionSerializer",
    "PriceEntryChangeSerializer",
    "PriceEntrySerializer",
    "PricePointSerializer",
    "PriceQuerySerializer",
    "PriceSeriesResponseSerializer",
    "ScrapeJobSerializer",
    "ScrapeRunSerializer",
    "TrackerSerializer",
    "TrackerTestSerializer",
    "VendorRefreshSerializer",
]
