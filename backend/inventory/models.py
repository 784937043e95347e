from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.currencies import validate_currency_code
from core.models import TimestampedModel
from core.validators import validate_storable_json
from inventory.card_choices import Finish, Language, MarketRegion
from vendors.models import Vendor

MAX_TAGS = 20
MAX_TAG_LENGTH = 40
MAX_EXTERNAL_IDS = 20
MAX_LOCATION_LENGTH = 100


class Category(models.TextChoices):
    TRADING_CARD = "trading_card", "Trading card"
    VIDEO_GAME = "video_game", "Video game"
    VINYL = "vinyl", "Vinyl"
    COMIC = "comic", "Comic"
    COIN = "coin", "Coin"
    FIGURE = "figure", "Figure"
    OTHER = "other", "Other"


class Condition(models.TextChoices):
    """One ordered scale, best first; `CONDITION_RANK` gives the order."""

    SEALED = "sealed", "Sealed"
    MINT = "mint", "Mint"
    NEAR_MINT = "near_mint", "Near mint"
    EXCELLENT = "excellent", "Excellent"
    GOOD = "good", "Good"
    PLAYED = "played", "Played"
    POOR = "poor", "Poor"


#: Card details (game, language, rarity, …) describe trading cards only.
CARD_DETAILS_ONLY_FOR_CARDS = gettext_lazy("Card details apply to trading cards only.")


def takes_card_details(category: str) -> bool:
    return category == Category.TRADING_CARD


CONDITION_RANK = {value: rank for rank, value in enumerate(Condition.values)}


class CollectibleStatus(models.TextChoices):
    """Owned items make up the collection's value; sold ones keep their history and count
    as realised gain; wanted ones are on the want list (not in the collection: for them
    `condition` and `grade` mean "at least this")."""

    OWNED = "owned", "Owned"
    SOLD = "sold", "Sold"
    WANTED = "wanted", "Wanted"


class Priority(models.IntegerChoices):
    """How much a wanted item is wanted."""

    HIGHEST = 1, "1 (highest)"
    HIGH = 2, "2"
    NORMAL = 3, "3"
    LOW = 4, "4"
    LOWEST = 5, "5 (lowest)"


class Completeness(models.TextChoices):
    """For games and boxed items: what is in the box."""

    LOOSE = "loose", "Loose"
    CIB = "cib", "Complete in box"
    NEW = "new", "New / sealed"


class Grader(models.TextChoices):
    PSA = "psa", "PSA"
    BGS = "bgs", "Beckett (BGS)"
    CGC = "cgc", "CGC"
    SGC = "sgc", "SGC"
    PCGS = "pcgs", "PCGS"
    NGC = "ngc", "NGC"
    WATA = "wata", "WATA"
    VGA = "vga", "VGA"
    OTHER = "other", "Other"


class Collectible(TimestampedModel):
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="collectibles")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    set_name = models.CharField("set / series", max_length=200, blank=True)
    number = models.CharField(
        max_length=40, blank=True, help_text="Card, issue or catalogue number."
    )
    condition = models.CharField(
        max_length=10, choices=Condition.choices, default=Condition.NEAR_MINT
    )
    completeness = models.CharField(
        max_length=5,
        choices=Completeness.choices,
        blank=True,
        help_text="For games and boxed items.",
    )
    grader = models.CharField(max_length=10, choices=Grader.choices, blank=True)
    grade = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("70"))],
        help_text="1 to 10 for cards and comics, 1 to 70 (Sheldon scale) for coins.",
    )
    quantity = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])
    purchase_price = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    purchase_currency = models.CharField(
        max_length=3, blank=True, validators=[validate_currency_code]
    )
    purchase_date = models.DateField(null=True, blank=True)
    purchase_fees = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Fees paid on the purchase (whole line, in the purchase currency).",
    )
    purchase_shipping = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Shipping paid on the purchase (whole line, in the purchase currency).",
    )
    status = models.CharField(
        max_length=10,
        choices=CollectibleStatus.choices,
        default=CollectibleStatus.OWNED,
        db_default=CollectibleStatus.OWNED,  # raw SQL and COPY loaders too
    )
    sale_price = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="What the whole line sold for (sold items only).",
    )
    sale_currency = models.CharField(
        max_length=3, blank=True, default="", db_default="", validators=[validate_currency_code]
    )
    sale_date = models.DateField(null=True, blank=True)
    sale_fees = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Fees and shipping paid on the sale, in the sale currency.",
    )
    max_price = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="The most you would pay for one (wanted items only).",
    )
    max_price_currency = models.CharField(
        max_length=3, blank=True, default="", db_default="", validators=[validate_currency_code]
    )
    priority = models.PositiveSmallIntegerField(
        choices=Priority.choices,
        default=Priority.NORMAL,
        db_default=Priority.NORMAL,
        help_text="1 highest to 5 lowest (used for wanted items).",
    )
    location = models.CharField(
        max_length=MAX_LOCATION_LENGTH,
        blank=True,
        default="",
        db_default="",
        help_text="Where it is kept: box, binder, shelf.",
    )
    cert_number = models.CharField(
        "certificate number",
        max_length=40,
        blank=True,
        default="",
        db_default="",
        help_text="The grader's certificate number (graded items only).",
    )
    notes = models.TextField(blank=True)
    tags = ArrayField(models.CharField(max_length=MAX_TAG_LENGTH), default=list, blank=True)
    external_ids = models.JSONField(
        default=dict,
        blank=True,
        validators=[validate_storable_json],
        help_text='Marketplace → id, e.g. {"pricecharting": "12345"}.',
    )
    # Computed by database triggers (migration 0003), never by Python: see inventory/search.py.
    search_vector = SearchVectorField(
        null=True,
        editable=False,
        help_text="Maintained by the database (triggers); never written by the app.",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["vendor", "-created_at", "-id"]),  # pages and cursors
            models.Index(fields=["vendor", "category"]),
            models.Index(fields=["vendor", "name"]),
            # a status's pages (the SPA always filters by status) and its count
            models.Index(fields=["vendor", "status", "-created_at", "-id"]),
            models.Index(fields=["vendor", "location"]),
            GinIndex(fields=["tags"], name="collectible_tags_gin"),
            GinIndex(fields=["search_vector"], name="collectible_search_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="collectible_quantity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(purchase_price__isnull=True) | models.Q(purchase_price__gte=0),
                name="collectible_purchase_price_non_negative",
            ),
            models.CheckConstraint(
                condition=(models.Q(grader="") & models.Q(grade__isnull=True))
                | (~models.Q(grader="") & models.Q(grade__isnull=False)),
                name="collectible_grader_and_grade_together",
            ),
            models.CheckConstraint(
                condition=models.Q(cert_number="") | ~models.Q(grader=""),
                name="collectible_cert_number_needs_grader",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=CollectibleStatus.SOLD)
                    & models.Q(sale_price__isnull=False)
                    & models.Q(sale_date__isnull=False)
                )
                | (
                    ~models.Q(status=CollectibleStatus.SOLD)
                    & models.Q(sale_price__isnull=True)
                    & models.Q(sale_date__isnull=True)
                    & models.Q(sale_fees__isnull=True)
                    & models.Q(sale_currency="")
                ),
                name="collectible_sale_fields_only_when_sold",
            ),
            models.CheckConstraint(
                condition=models.Q(status=CollectibleStatus.WANTED)
                | (models.Q(max_price__isnull=True) & models.Q(max_price_currency="")),
                name="collectible_max_price_only_when_wanted",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=CollectibleStatus.WANTED)
                | (
                    models.Q(purchase_price__isnull=True)
                    & models.Q(purchase_date__isnull=True)
                    & models.Q(purchase_fees__isnull=True)
                    & models.Q(purchase_shipping__isnull=True)
                    & models.Q(purchase_currency="")
                ),
                name="collectible_wanted_has_no_purchase",
            ),
            models.CheckConstraint(
                condition=models.Q(priority__gte=1) & models.Q(priority__lte=5),
                name="collectible_priority_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.cert_number and not self.grader:
            errors["cert_number"] = _("A certificate number needs a grader and a grade.")
        if self.status == CollectibleStatus.SOLD:
            if self.sale_price is None:
                errors["sale_price"] = _("A sold item needs the price it sold for.")
            if self.sale_date is None:
                errors["sale_date"] = _("A sold item needs the date it sold.")
        else:
            sale_fields = ("sale_price", "sale_date", "sale_fees", "sale_currency")
            for field in sale_fields:
                if getattr(self, field) not in (None, ""):
                    errors[field] = _("Only a sold item has sale details.")
        if self.status == CollectibleStatus.WANTED:
            # Not bought yet: the purchase is recorded by acquiring it (`collectible_acquire`).
            for field in ("purchase_price", "purchase_date", "purchase_fees", "purchase_shipping"):
                if getattr(self, field) is not None:
                    errors[field] = _("A wanted item has no purchase yet: acquire it instead.")
        elif self.max_price is not None:
            errors["max_price"] = _("Only a wanted item has a maximum price.")
        if errors:
            raise ValidationError(errors)


class CardDetails(models.Model):
    collectible = models.OneToOneField(
        Collectible, on_delete=models.CASCADE, related_name="card_details", primary_key=True
    )
    game = models.CharField(
        max_length=100, blank=True, help_text="e.g. Pokémon, Magic: The Gathering."
    )
    language = models.CharField(max_length=10, choices=Language.choices, blank=True)
    market_region = models.CharField(max_length=20, choices=MarketRegion.choices, blank=True)
    rarity = models.CharField(max_length=60, blank=True)
    finish = models.CharField(max_length=20, choices=Finish.choices, blank=True)
    release_date = models.DateField(null=True, blank=True)
    set_code = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = "card details"
        verbose_name_plural = "card details"
        indexes = [
            models.Index(fields=["language"]),
            models.Index(fields=["market_region"]),
            models.Index(fields=["release_date"]),
        ]

    def __str__(self) -> str:
        return f"Card details of {self.collectible_id}"


def photo_upload_to(photo: "Photo", filename: str) -> str:
    return f"photos/{photo.collectible_id}/{filename}"


class Photo(models.Model):
    """A photo of an item: the re-encoded image (no metadata) and its thumbnail, in the
    default storage. Made, ordered and removed by `inventory.photos`, which keeps exactly
    one cover per item that has photos (the database allows at most one)."""

    collectible = models.ForeignKey(Collectible, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_upload_to, max_length=300)
    thumbnail = models.ImageField(upload_to=photo_upload_to, max_length=300)
    position = models.PositiveIntegerField(help_text="0 first; the item's photos in order.")
    is_cover = models.BooleanField(default=False, help_text="The photo shown for the item.")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    content_type = models.CharField(max_length=50, help_text="Of the stored image.")
    byte_size = models.PositiveIntegerField(help_text="Bytes of the stored image.")
    source_url = models.URLField(
        max_length=2000, blank=True, help_text="The page image it was fetched from, if any."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            # Deferred: a reorder moves every position within one transaction.
            models.UniqueConstraint(
                fields=["collectible", "position"],
                name="photo_position_unique_per_item",
                deferrable=models.Deferrable.DEFERRED,
            ),
            # Also what a list page joins each item's cover by.
            models.UniqueConstraint(
                fields=["collectible"],
                condition=models.Q(is_cover=True),
                name="photo_one_cover_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"Photo {self.position + 1} of {self.collectible_id}"


# Its own module (this one is near its size limit); imported here so Django registers it.
from inventory.saved_view_models import SavedView as SavedView  # noqa: E402
