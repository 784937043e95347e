"""A Discogs-shaped API for the demo's records, so the ``discogs`` source works locally.

Routes (for every vinyl product of :data:`CATALOGUE`, release id :func:`release_id_for`):

* ``/discogs/release/<id>-<slug>`` — the release's page (what a tracker's URL names);
* ``/discogs-api/releases/<id>``, ``/discogs-api/marketplace/stats/<id>``,
  ``/discogs-api/marketplace/price_suggestions/<id>`` — JSON in the Discogs API's shape.

Point the source at it with ``DISCOGS_API_URL=http://127.0.0.1:8765/discogs-api``. The
API answers 401 without an ``Authorization: Discogs token=…`` header (the server checks
that; any token is accepted). Prices: the record's shop price on the day is the Near Mint
suggestion; the other media grades are :data:`GRADE_FACTORS` of it, and the lowest copy
for sale is :data:`LOWEST_FACTOR` of it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from scraper.demo_marketplace.catalogue import CATALOGUE, Product, price_for
from scraper.demo_marketplace.layout import _e, _page

__all__ = [
    "API_PREFIX",
    "GRADE_FACTORS",
    "PAGE_PREFIX",
    "api_answer",
    "demo_release_links",
    "discogs_price",
    "release_id_for",
    "release_page",
]

PAGE_PREFIX = "/discogs/release/"
API_PREFIX = "/discogs-api/"
#: Discogs condition name → its price as a share of the Near Mint suggestion.
GRADE_FACTORS: dict[str, Decimal] = {
    "Mint (M)": Decimal("1.3"),
    "Near Mint (NM or M-)": Decimal("1"),
    "Very Good Plus (VG+)": Decimal("0.7"),
    "Very Good (VG)": Decimal("0.45"),
    "Good Plus (G+)": Decimal("0.28"),
    "Good (G)": Decimal("0.2"),
    "Fair (F)": Decimal("0.12"),
    "Poor (P)": Decimal("0.07"),
}
LOWEST_FACTOR = Decimal("0.62")
#: Omni-Stock condition → the Discogs grade whose suggestion the source records for it.
_CONDITION_GRADE = {
    "mint": "Mint (M)",
    "near_mint": "Near Mint (NM or M-)",
    "excellent": "Very Good Plus (VG+)",
    "good": "Very Good (VG)",
    "played": "Good Plus (G+)",
    "poor": "Fair (F)",
}


def release_id_for(slug: str) -> int:
    """A stable release id for a demo record (sha256 of its slug)."""
    return 1_000_000 + int.from_bytes(hashlib.sha256(slug.encode()).digest()[:4], "big") % 9_000_000


_RELEASES: dict[int, Product] = {
    release_id_for(p.slug): p for p in CATALOGUE.values() if p.category == "vinyl"
}


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def discogs_price(slug: str, condition: str | None, day: date) -> Decimal:
    """What the ``discogs`` source records for ``slug`` in ``condition`` (an Omni-Stock
    condition, ``None``: the lowest copy for sale) on ``day``."""
    near_mint = price_for(slug, day)
    if condition is None:
        return _cents(near_mint * LOWEST_FACTOR)
    return _cents(near_mint * GRADE_FACTORS[_CONDITION_GRADE[condition]])


def _release(path_id: str) -> Product | None:
    return _RELEASES.get(int(path_id)) if path_id.isdigit() and len(path_id) < 10 else None


def release_page(path: str) -> str | None:
    """The release page at ``path`` (``/discogs/release/<id>-<slug>``), or ``None``."""
    if not path.startswith(PAGE_PREFIX):
        return None
    product = _release(path[len(PAGE_PREFIX) :].split("-", 1)[0])
    if product is None:
        return None
    title = product.title or product.name
    body = (
        f"<h1>{_e(title)}</h1>\n<p>Prices on this release come from the Discogs API "
        "(track it with the <code>discogs</code> source and your token).</p>"
    )
    return _page(f"{title} – Discogs (demo)", body)


def api_answer(path: str, day: date) -> str | None:
    """The JSON the demo Discogs API answers for ``path`` on ``day``, or ``None`` (404)."""
    if not path.startswith(API_PREFIX):
        return None
    parts = path[len(API_PREFIX) :].strip("/").split("/")
    product = _release(parts[-1]) if parts else None
    if product is None:
        return None
    near_mint = price_for(product.slug, day)
    kind = "/".join(parts[:-1])
    if kind == "releases":
        artist, _, name = (product.name.partition(" – ") if " – " in product.name
                           else ("", "", product.name))  # fmt: skip
        data: object = {
            "id": release_id_for(product.slug),
            "title": name,
            "artists": [{"name": artist}] if artist else [],
            "uri": f"{PAGE_PREFIX}{release_id_for(product.slug)}-{product.slug}",
            "num_for_sale": 3 + len(product.slug) % 9,
            "lowest_price": float(discogs_price(product.slug, None, day)),
        }
    elif kind == "marketplace/stats":
        data = {
            "lowest_price": {"value": float(discogs_price(product.slug, None, day)),
                             "currency": "USD"},
            "num_for_sale": 3 + len(product.slug) % 9,
            "blocked_from_sale": False,
        }  # fmt: skip
    elif kind == "marketplace/price_suggestions":
        data = {
            name: {"currency": "USD", "value": float(_cents(near_mint * factor))}
            for name, factor in GRADE_FACTORS.items()
        }
    else:
        return None
    return json.dumps(data)


def demo_release_links() -> list[tuple[str, str]]:
    """(title, release page path) of every demo record, for the index."""
    return [
        (p.title or p.name, f"{PAGE_PREFIX}{rid}-{p.slug}") for rid, p in sorted(_RELEASES.items())
    ]
