"""The vocabularies of card details (`models.CardDetails`), apart from the models so the
models module stays readable; `inventory.models` re-exports them."""

from django.db import models


class Language(models.TextChoices):
    EN = "en", "English"
    JA = "ja", "Japanese"
    KO = "ko", "Korean"
    ZH_HANS = "zh_hans", "Chinese (Simplified)"
    ZH_HANT = "zh_hant", "Chinese (Traditional)"
    FR = "fr", "French"
    DE = "de", "German"
    IT = "it", "Italian"
    ES = "es", "Spanish"
    PT = "pt", "Portuguese"
    RU = "ru", "Russian"
    NL = "nl", "Dutch"
    PL = "pl", "Polish"
    OTHER = "other", "Other"


class MarketRegion(models.TextChoices):
    NORTH_AMERICA = "north_america", "North America"
    EUROPE = "europe", "Europe"
    UNITED_KINGDOM = "united_kingdom", "United Kingdom"
    JAPAN = "japan", "Japan"
    ASIA = "asia", "Asia (other)"
    OCEANIA = "oceania", "Oceania"
    LATIN_AMERICA = "latin_america", "Latin America"
    OTHER = "other", "Other"


class Finish(models.TextChoices):
    NON_FOIL = "non_foil", "Non-foil"
    HOLO = "holo", "Holo"
    REVERSE_HOLO = "reverse_holo", "Reverse holo"
    FOIL = "foil", "Foil"
    ETCHED = "etched", "Etched foil"
    TEXTURED = "textured", "Textured"
    OTHER = "other", "Other"
