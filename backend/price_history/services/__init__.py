"""Writes of the price engine, by subject: trackers, jobs (an item's or a collection's
refresh), runs (and re-queuing the stuck ones), prices entered by hand (and their
corrections), the one-off check of a tracker's page, adding its product image as a photo,
and "Find it" (a catalogue search)."""

from price_history.services.catalogue import (
    CatalogueSearchError,
    catalogue_game_for,
    catalogue_query_for,
    catalogue_search,
    catalogue_search_execute,
)
from price_history.services.checks import (
    CheckUnavailableError,
    LimiterUnavailableError,
    TrackerCheck,
    tracker_check_execute,
    tracker_check_once,
)
from price_history.services.hosts import (
    HOST_WAIT_TOLERANCE,
    HostBusyError,
    host_book,
    scrape_run_defer_until,
)
from price_history.services.jobs import (
    VendorRefresh,
    scrape_job_create,
    scrape_job_create_due,
    scrape_job_request_refresh,
    scrape_jobs_create_due,
    scrape_jobs_request_vendor_refresh,
)
from price_history.services.operator import (
    ActionOutcome,
    scrape_jobs_cancel_queued,
    scrape_jobs_retry_failed,
)
from price_history.services.page_images import (
    PageImageError,
    page_image_execute,
    tracker_photo_add,
)
from price_history.services.prices import (
    ObservedPriceError,
    price_correct_manual,
    price_delete_manual,
    price_record_manual,
)
from price_history.services.runs import (
    TRANSIENT_ERRORS,
    scrape_run_execute,
    scrape_run_extend_lease,
    scrape_run_fail,
    scrape_run_requeue_stuck,
)
from price_history.services.trackers import (
    tracker_create,
    tracker_delete,
    tracker_pause,
    tracker_resume,
    tracker_update,
    tracker_validate,
)

__all__ = [
    "HOST_WAIT_TOLERANCE",
    "TRANSIENT_ERRORS",
    "ActionOutcome",
    "CatalogueSearchError",
    "CheckUnavailableError",
    "HostBusyError",
    "LimiterUnavailableError",
    "ObservedPriceError",
    "PageImageError",
    "TrackerCheck",
    "VendorRefresh",
    "catalogue_game_for",
    "catalogue_query_for",
    "catalogue_search",
    "catalogue_search_execute",
    "host_book",
    "page_image_execute",
    "price_correct_manual",
    "price_delete_manual",
    "price_record_manual",
    "scrape_job_create",
    "scrape_job_create_due",
    "scrape_job_request_refresh",
    "scrape_jobs_cancel_queued",
    "scrape_jobs_create_due",
    "scrape_jobs_request_vendor_refresh",
    "scrape_jobs_retry_failed",
    "scrape_run_defer_until",
    "scrape_run_execute",
    "scrape_run_extend_lease",
    "scrape_run_fail",
    "scrape_run_requeue_stuck",
    "tracker_check_execute",
    "tracker_check_once",
    "tracker_create",
    "tracker_delete",
    "tracker_pause",
    "tracker_photo_add",
    "tracker_resume",
    "tracker_update",
    "tracker_validate",
]
