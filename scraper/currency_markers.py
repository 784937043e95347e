"""Currency markers as shops write them, and how a page decides the shared ones.

:mod:`scraper.prices` asks two things of this module:

* :func:`find_marker` — the currency marker in a short price text. price-parser
  (which finds the amount) misses or cuts several real markers: ``AU $ 15`` gives
  ``$``, ``E£ 100`` gives ``£``, and ``150 ر.س``, ``1 500 тг.``, ``294 元``, ``RUR 500``
  give nothing. The markers here are matched first, longest first.
* :func:`resolve` — marker → ISO 4217. Unambiguous markers map to one code
  (``E£`` → EGP, never GBP; ``AU $`` → AUD, never USD; ``грн`` → UAH, ``лв`` → BGN,
  ``тг.`` → KZT, ``원`` → KRW, ``TL`` → TRY, ``ر.س`` → SAR), legacy codes to today's
  (``RUR`` → RUB). A *shared* marker (``$``, ``Rs``, ``¥``, ``元``, ``£``, ``kr``,
  the Cyrillic rouble abbreviation) takes the first of the caller's hints that is one of its currencies — the
  tracker's own currency, then the page's declared currency, its language
  (``es-AR`` → ARS) and its country domain (``.com.tw`` → TWD), as computed by
  :func:`scraper.sources.page_currency.currency_hints` — and else its default
  (``$`` → USD, ``Rs`` → INR, ``¥`` → JPY, ``元`` → CNY, ``£`` → GBP, ``kr`` → none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "ISO_CODES",
    "LEGACY_CODES",
    "MARKER_PATTERN",
    "country_currency",
    "find_marker",
    "language_currency",
    "resolve",
]

#: Active ISO 4217 codes shops write out (EUR 5, 49,95 PLN …).
ISO_CODES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
    FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR
    RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND
    TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
    """.split()  # noqa: SIM905 - a table is easier to read than 180 quoted strings
)

#: Withdrawn or informal codes still printed by shops → the code in use today.
# fmt: off
LEGACY_CODES = {
    "RUR": "RUB", "BYR": "BYN", "TRL": "TRY", "YTL": "TRY", "ROL": "RON", "MXP": "MXN",
    "GHC": "GHS", "AZM": "AZN", "ZMK": "ZMW", "VEF": "VES", "VEB": "VES", "MRO": "MRU",
    "STD": "STN", "SLL": "SLE", "NIS": "ILS", "RMB": "CNY",
}
# fmt: on

# Markers with one meaning. Keys are lower case without spaces (see _key).
# fmt: off
_UNAMBIGUOUS = {
    "e£": "EGP", "ج.م": "EGP", "ج.م.": "EGP", "ر.س": "SAR", "ر.س.": "SAR", "د.إ": "AED",
    "د.ك": "KWD", "ر.ق": "QAR", "د.ب": "BHD", "ر.ع.": "OMR", "د.ا": "JOD", "грн": "UAH",
    "грн.": "UAH", "₴": "UAH", "лв": "BGN", "лв.": "BGN", "тг": "KZT", "тг.": "KZT",
    "₸": "KZT", "원": "KRW", "₩": "KRW", "tl": "TRY", "₺": "TRY", "б.р.": "BYN",
    "бел.руб.": "BYN", "au$": "AUD", "a$": "AUD", "us$": "USD", "u$s": "USD", "c$": "CAD",
    "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "sg$": "SGD", "mx$": "MXN",
    "nt$": "TWD", "r$": "BRL", "s/": "PEN", "s/.": "PEN", "₦": "NGN", "৳": "BDT",
    "₲": "PYG", "₵": "GHS", "₾": "GEL", "₼": "AZN", "֏": "AMD", "₭": "LAK", "៛": "KHR",
    "₮": "MNT", "ksh": "KES", "円": "JPY", "jp¥": "JPY", "cn¥": "CNY",
}
# fmt: on

_DOLLARS = [
    "USD",
    "CAD",
    "AUD",
    "NZD",
    "HKD",
    "SGD",
    "MXN",
    "TWD",
    "ARS",
    "CLP",
    "COP",
    "UYU",
    "DOP",
    "JMD",
    "TTD",
    "BSD",
    "BBD",
    "BZD",
    "BMD",
    "KYD",
    "FJD",
    "NAD",
    "LRD",
    "SRD",
    "GYD",
    "XCD",
    "BND",
]

# Shared markers → (currencies they can mean, default without a usable hint).
_SHARED: dict[str, tuple[frozenset[str], str | None]] = {
    "$": (frozenset(_DOLLARS), "USD"),
    "rs": (frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}), "INR"),
    "₨": (frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}), "INR"),
    "¥": (frozenset({"JPY", "CNY"}), "JPY"),
    "￥": (frozenset({"JPY", "CNY"}), "JPY"),
    "元": (frozenset({"CNY", "TWD", "HKD", "MOP"}), "CNY"),
    "£": (frozenset({"GBP", "EGP", "LBP", "SYP", "GIP", "FKP", "SHP"}), "GBP"),
    "kr": (frozenset({"SEK", "NOK", "DKK", "ISK"}), None),
    "руб": (frozenset({"RUB", "BYN"}), "RUB"),
    "руб.": (frozenset({"RUB", "BYN"}), "RUB"),
    "р.": (frozenset({"RUB", "BYN"}), "RUB"),
}

# Written forms the regex below looks for, longest first. Spaces inside a marker are
# optional ("AU $", "AU$"), alphabetic markers must stand alone ("TL" not in "TLC").
_FORMS = sorted(
    {
        *(k for k in _UNAMBIGUOUS if not k.isalpha() or len(k) > 1),
        *_SHARED,
        "us $",
        "au $",
        "nz $",
        "hk $",
        "c $",
        "ca $",
        "nt $",
        "mx $",
        "s $",
    },
    key=len,
    reverse=True,
)


def _form_pattern(form: str) -> str:
    body = r"\s?".join(re.escape(part) for part in form.split(" "))
    if form[0].isalpha():
        body = r"(?<![^\W\d_])" + body
    if form[-1].isalpha():
        body += r"(?![^\W\d_])"
    return body


# Codes that are also everyday words in capitals ("TOP 10", "ALL 3", "GEL 50 ml") are
# left out of free-text matching; written beside a number by price-parser they still map.
_WORD_CODES = frozenset(
    {"ALL", "TOP", "CUP", "MOP", "BAM", "GEL", "SOS", "MAD", "PEN", "ERN", "BOB"}
)
_CODES = sorted((ISO_CODES | set(LEGACY_CODES)) - _WORD_CODES, key=len, reverse=True)
_SIGNS = "€₹₽₪₱฿₫"  # single-character markers price-parser already maps
#: A currency marker as written on a page (for tokenizers of visible text).
MARKER_PATTERN = "|".join(
    [
        *map(_form_pattern, _FORMS),
        r"(?-i:(?<![A-Za-z])(?:" + "|".join(_CODES) + r")(?![A-Za-z]))",  # capitals only
        r"(?<![^\W\d_])(?:zł|kč|ft|lei|fr|chf|rm|rp|kn|din)(?![^\W\d_])",
        f"[{_SIGNS}]",
    ]
)
_MARKER = re.compile(MARKER_PATTERN, re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _key(marker: str) -> str:
    return re.sub(r"\s", "", marker).lower()


def find_marker(text: str) -> str | None:
    """The one currency marker written beside the number in ``text``, or ``None``.

    ``None`` too when two different currencies are written (a "12 € / 14 $" text is
    not one price) — the caller then keeps price-parser's own reading.
    """
    if not _DIGIT.search(text):
        return None
    found = {_key(m.group(0)) for m in _MARKER.finditer(text)}
    if len(found) == 1:
        return found.pop()
    return None


def resolve(marker: str, hints: Iterable[str | None] = ()) -> tuple[bool, str | None]:
    """``(known, iso)`` for a marker; ``known`` is False when this module has no opinion."""
    key = _key(marker)
    upper = key.rstrip(".").upper()
    if upper in LEGACY_CODES:
        return True, LEGACY_CODES[upper]
    if upper in ISO_CODES:
        return True, upper
    for candidate in dict.fromkeys((key, key.rstrip("."))):
        if candidate in _UNAMBIGUOUS:
            return True, _UNAMBIGUOUS[candidate]
        if candidate in _SHARED:
            currencies, default = _SHARED[candidate]
            for hint in hints:
                if hint and hint.upper() in currencies:
                    return True, hint.upper()
            return True, default
    return False, None


# Country (ISO 3166 alpha-2, also the country-code domain) → currency.
# fmt: off
_COUNTRY = {
    "us": "USD", "ca": "CAD", "mx": "MXN", "br": "BRL", "ar": "ARS", "cl": "CLP",
    "co": "COP", "pe": "PEN", "uy": "UYU", "py": "PYG", "bo": "BOB", "ve": "VES",
    "ec": "USD", "do": "DOP", "cr": "CRC", "gt": "GTQ", "pa": "PAB", "jm": "JMD",
    "tt": "TTD", "gb": "GBP", "uk": "GBP", "ie": "EUR", "fr": "EUR", "de": "EUR",
    "at": "EUR", "be": "EUR", "nl": "EUR", "lu": "EUR", "it": "EUR", "es": "EUR",
    "pt": "EUR", "fi": "EUR", "gr": "EUR", "sk": "EUR", "si": "EUR", "ee": "EUR",
    "lv": "EUR", "lt": "EUR", "mt": "EUR", "cy": "EUR", "hr": "EUR", "ch": "CHF",
    "li": "CHF", "se": "SEK", "no": "NOK", "dk": "DKK", "is": "ISK", "pl": "PLN",
    "cz": "CZK", "hu": "HUF", "ro": "RON", "bg": "BGN", "rs": "RSD", "ua": "UAH",
    "by": "BYN", "ru": "RUB", "kz": "KZT", "ge": "GEL", "am": "AMD", "az": "AZN",
    "md": "MDL", "mk": "MKD", "ba": "BAM", "al": "ALL", "tr": "TRY", "il": "ILS",
    "eg": "EGP", "sa": "SAR", "ae": "AED", "qa": "QAR", "kw": "KWD", "bh": "BHD",
    "om": "OMR", "jo": "JOD", "lb": "LBP", "ma": "MAD", "dz": "DZD", "tn": "TND",
    "ng": "NGN", "gh": "GHS", "ke": "KES", "za": "ZAR", "in": "INR", "pk": "PKR",
    "lk": "LKR", "np": "NPR", "bd": "BDT", "cn": "CNY", "tw": "TWD", "hk": "HKD",
    "mo": "MOP", "jp": "JPY", "kr": "KRW", "sg": "SGD", "my": "MYR", "id": "IDR",
    "th": "THB", "vn": "VND", "ph": "PHP", "au": "AUD", "nz": "NZD", "fj": "FJD",
}
# fmt: on

# A language alone that names its country's currency (region subtags win over these).
# fmt: off
_LANGUAGE = {
    "ja": "JPY", "ko": "KRW", "zh": "CNY", "th": "THB", "vi": "VND", "he": "ILS",
    "uk": "UAH", "bg": "BGN", "kk": "KZT", "pl": "PLN", "cs": "CZK", "hu": "HUF",
    "ro": "RON", "sv": "SEK", "da": "DKK", "nb": "NOK", "nn": "NOK", "is": "ISK",
    "tr": "TRY", "ka": "GEL", "hy": "AMD", "hi": "INR", "ur": "PKR", "id": "IDR",
    "ms": "MYR", "fi": "EUR", "et": "EUR", "lv": "EUR", "lt": "EUR", "sk": "EUR",
    "sl": "EUR", "el": "EUR", "mt": "EUR",
}
# fmt: on


def country_currency(country: str | None) -> str | None:
    """``"tw"`` → ``"TWD"`` (a two-letter country code or country-code domain)."""
    return _COUNTRY.get(country.lower()) if country else None


def language_currency(lang: str | None) -> str | None:
    """The currency an ``html lang`` value implies: ``es-AR`` → ARS, ``ja`` → JPY."""
    if not lang:
        return None
    parts = re.split(r"[-_]", lang.strip().lower())
    for part in parts[1:]:
        if len(part) == 2 and part in _COUNTRY:
            return _COUNTRY[part]
        if part == "hant":  # zh-Hant without a region is written in Taiwan and Hong Kong
            return None
    return _LANGUAGE.get(parts[0])
