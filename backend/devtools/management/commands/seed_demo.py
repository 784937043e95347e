"""`manage.py seed_demo`: a demo account with a realistic collection, for local demos.

Idempotent: every step brings the database to the seeded state and touches nothing that
is already there, so a second run creates and changes nothing. The demo password is
published in the docs and printed by the command: the account is for local demos only,
never for a server others can reach.

Each step is one function taking keyword arguments and a `SeedReport` to fill in. The
price engine adds its own steps (trackers, backfilled price history) to `seed_demo()`.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from devtools import demo_data
from devtools.demo_prices import (
    DEMO_MARKETPLACE_URL,
    ensure_demo_discogs_trackers,
    ensure_demo_ebay_api_trackers,
    ensure_demo_price_history,
    ensure_demo_trackers,
)
from devtools.demo_values import ensure_demo_values
from inventory.extensions import deletion_confirmations
from inventory.models import Category, Collectible
from inventory.services import collectible_create, collectible_delete
from users.credentials import credential_create
from users.models import MarketplaceCredential, MarketplaceProvider, User
from users.services import user_register
from vendors.models import Vendor
from vendors.selectors import personal_vendor_for_user
from vendors.services import vendor_create_personal, vendor_update


@dataclass
class SeedReport:
    user_created: bool = False
    user_updated: list[str] = field(default_factory=list)
    vendor_created: bool = False
    vendor_updated: bool = False
    collectibles_removed: int = 0
    collectibles_created: Counter[str] = field(default_factory=Counter)
    collectibles_kept: int = 0
    trackers_created: int = 0
    discogs_key_created: bool = False
    ebay_key_created: bool = False
    prices_backfilled: int = 0
    # Snapshots are recomputed (upserted) on every run, so they do not count as a change.
    value_snapshots: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.user_created
            or self.user_updated
            or self.vendor_created
            or self.vendor_updated
            or self.collectibles_removed
            or self.collectibles_created
            or self.trackers_created
            or self.discogs_key_created
            or self.ebay_key_created
            or self.prices_backfilled
        )


# --- Steps ------------------------------------------------------------------------------


def ensure_demo_user(*, report: SeedReport) -> User:
    """The demo account, created like a sign-up; its password reset to the documented one."""
    user = User.objects.filter(email=demo_data.DEMO_EMAIL).first()
    if user is None:
        report.user_created = True
        user = user_register(
            email=demo_data.DEMO_EMAIL,
            password=demo_data.DEMO_PASSWORD,
            display_name=demo_data.DEMO_DISPLAY_NAME,
        )
    updated: list[str] = []
    if user.email_verified_at is None:
        # The demo address receives no mail: no "verify your address" banner in the demo.
        user.email_verified_at = timezone.now()
        updated.append("email_verified_at")
    if not user.check_password(demo_data.DEMO_PASSWORD):
        # Someone changed it during a demo: the printed login must keep working.
        user.set_password(demo_data.DEMO_PASSWORD)
        updated.append("password")
    if user.display_name != demo_data.DEMO_DISPLAY_NAME:
        user.display_name = demo_data.DEMO_DISPLAY_NAME
        updated.append("display_name")
    if not user.is_active:
        user.is_active = True
        updated.append("is_active")
    if updated:
        user.save(update_fields=updated)
        if not report.user_created:
            report.user_updated = updated
    return user


def ensure_demo_vendor(*, user: User, report: SeedReport) -> Vendor:
    """The demo account's personal collection, in the demo currency."""
    vendor = personal_vendor_for_user(user=user)
    if vendor is None:
        report.vendor_created = True
        return vendor_create_personal(user=user, default_currency=demo_data.DEMO_CURRENCY)
    if vendor.default_currency != demo_data.DEMO_CURRENCY:
        report.vendor_updated = True
        vendor = vendor_update(vendor=vendor, default_currency=demo_data.DEMO_CURRENCY)
    return vendor


def clear_demo_collection(*, vendor: Vendor, report: SeedReport) -> None:
    """Only with --reset: forget every item, so the next step restores the seeded ones."""
    for collectible in Collectible.objects.filter(vendor=vendor):
        # The demo's own items: their seeded price history goes with them.
        collectible_delete(collectible=collectible, confirmed=deletion_confirmations())
        report.collectibles_removed += 1


def ensure_demo_collectibles(*, user: User, vendor: Vendor, report: SeedReport) -> None:
    """Create each item of `demo_data.DEMO_COLLECTIBLES` missing from the collection.

    An item is recognised by its name; items already there are left as they are, so edits
    made during a demo survive a re-run (use --reset to restore them).
    """
    existing = set(Collectible.objects.filter(vendor=vendor).values_list("name", flat=True))
    for entry in demo_data.DEMO_COLLECTIBLES:
        if entry["name"] in existing:
            report.collectibles_kept += 1
            continue
        collectible_create(vendor=vendor, created_by=user, data=copy.deepcopy(entry))
        report.collectibles_created[entry["category"]] += 1


def ensure_demo_discogs_key(*, user: User, report: SeedReport) -> None:
    """A Discogs token for the demo account, so its `discogs` trackers can be checked (the
    demo Discogs API takes any token; a token saved during a demo is kept)."""
    provider = MarketplaceProvider.DISCOGS
    if not MarketplaceCredential.objects.filter(user=user, provider=provider).exists():
        credential_create(user=user, provider=provider, token=demo_data.DEMO_DISCOGS_TOKEN)
        report.discogs_key_created = True


def ensure_demo_ebay_key(*, user: User, report: SeedReport) -> None:
    """eBay application keys for the demo account, so its `ebay_api` tracker can be checked
    (the demo eBay Browse API takes any keys; keys saved during a demo are kept)."""
    provider = MarketplaceProvider.EBAY
    if not MarketplaceCredential.objects.filter(user=user, provider=provider).exists():
        credential_create(
            user=user,
            provider=provider,
            client_id=demo_data.DEMO_EBAY_CLIENT_ID,
            client_secret=demo_data.DEMO_EBAY_CLIENT_SECRET,
        )
        report.ebay_key_created = True


# --- Orchestration ----------------------------------------------------------------------


@transaction.atomic
def seed_demo(*, reset: bool = False, marketplace_url: str = DEMO_MARKETPLACE_URL) -> SeedReport:
    report = SeedReport()
    user = ensure_demo_user(report=report)
    vendor = ensure_demo_vendor(user=user, report=report)
    if reset:
        clear_demo_collection(vendor=vendor, report=report)
    ensure_demo_collectibles(user=user, vendor=vendor, report=report)
    report.trackers_created = ensure_demo_trackers(
        vendor=vendor, user=user, base_url=marketplace_url
    )
    ensure_demo_discogs_key(user=user, report=report)
    report.trackers_created += ensure_demo_discogs_trackers(
        vendor=vendor, user=user, base_url=marketplace_url
    )
    ensure_demo_ebay_key(user=user, report=report)
    report.trackers_created += ensure_demo_ebay_api_trackers(
        vendor=vendor, user=user, base_url=marketplace_url
    )
    report.prices_backfilled = ensure_demo_price_history(vendor=vendor)
    report.value_snapshots = ensure_demo_values(vendor=vendor)
    return report


class Command(BaseCommand):
    help = (
        "Create the demo account (demo@omni-stock.local) with a realistic collection across "
        "every category. Safe to run again: it only adds what is missing and resets the demo "
        "password. For local demos only: the password is public."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete every item of the demo collection first, restoring the seeded items.",
        )
        parser.add_argument(
            "--marketplace-url",
            default=DEMO_MARKETPLACE_URL,
            help="Where the demo marketplace runs (the demo trackers point there).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = seed_demo(reset=options["reset"], marketplace_url=options["marketplace_url"])
        self._print_summary(report)

    def _print_summary(self, report: SeedReport) -> None:
        write = self.stdout.write
        if report.user_created:
            write(f"Created the demo account {demo_data.DEMO_EMAIL} and its personal collection.")
        elif report.user_updated:
            write(f"Updated the demo account: {', '.join(report.user_updated)}.")
        else:
            write("The demo account already exists.")
        if report.vendor_created:
            write("Created the demo account's personal collection.")
        elif report.vendor_updated:
            write(f"Set the demo collection's currency to {demo_data.DEMO_CURRENCY}.")
        if report.collectibles_removed:
            write(f"Removed {report.collectibles_removed} items (--reset).")
        created = sum(report.collectibles_created.values())
        if created:
            by_category = ", ".join(
                f"{count} {Category(category).label.lower()}"
                for category, count in sorted(report.collectibles_created.items())
            )
            write(f"Added {created} items: {by_category}.")
        if report.collectibles_kept:
            write(f"Kept {report.collectibles_kept} items already in the collection.")
        if report.trackers_created:
            write(f"Added {report.trackers_created} trackers watching the demo marketplace.")
        if report.discogs_key_created:
            write("Saved a demo Discogs token for the demo account (its Discogs trackers).")
        if report.ebay_key_created:
            write("Saved demo eBay application keys for the demo account (its eBay API tracker).")
        if report.prices_backfilled:
            write(f"Backfilled {report.prices_backfilled} daily demo prices (marked as demo data).")
        if report.value_snapshots:
            write(f"Computed {report.value_snapshots} daily collection-value snapshots.")
        if not report.changed:
            write("Nothing to do: the demo data is already in place.")
        write(
            self.style.SUCCESS(
                f"Log in as {demo_data.DEMO_EMAIL} with password {demo_data.DEMO_PASSWORD} "
                "(local demos only)."
            )
        )
