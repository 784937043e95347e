"""Collection imports: see docs/imports.md."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from omni_stock.settings.base import SPECTACULAR_SETTINGS, env

# An uploaded file larger than this is refused with a 413 before it is read.
IMPORT_MAX_FILE_BYTES = env.int("IMPORT_MAX_FILE_BYTES", default=20 * 1024 * 1024)
# A file with more data rows than this is refused (split it): what one job may write.
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=50_000)

if IMPORT_MAX_FILE_BYTES < 1024 or IMPORT_MAX_ROWS < 1:
    raise ImproperlyConfigured("IMPORT_MAX_FILE_BYTES must be >= 1024 and IMPORT_MAX_ROWS >= 1.")

# --- Exports and take-out (docs/imports.md, "Export and take-out") ------------------------
# XLSX is built in memory (CSV and JSON are streamed): a larger list is refused with a 400.
EXPORT_XLSX_MAX_ROWS = env.int("EXPORT_XLSX_MAX_ROWS", default=50_000)
# A take-out archive uploaded for a restore: its size, and what it may unpack to (zip bombs).
TAKEOUT_MAX_UPLOAD_BYTES = env.int("TAKEOUT_MAX_UPLOAD_BYTES", default=1024 * 1024 * 1024)
TAKEOUT_MAX_UNCOMPRESSED_BYTES = env.int(
    "TAKEOUT_MAX_UNCOMPRESSED_BYTES", default=2 * 1024 * 1024 * 1024
)
TAKEOUT_MAX_ENTRIES = env.int("TAKEOUT_MAX_ENTRIES", default=500_000)

if min(EXPORT_XLSX_MAX_ROWS, TAKEOUT_MAX_UPLOAD_BYTES, TAKEOUT_MAX_ENTRIES) < 1:
    raise ImproperlyConfigured(
        "EXPORT_XLSX_MAX_ROWS, TAKEOUT_MAX_UPLOAD_BYTES and TAKEOUT_MAX_ENTRIES must be >= 1."
    )

SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "ImportStatusEnum": "imports.models.ImportStatus",
        "OnDuplicateEnum": "imports.models.OnDuplicate",
        "FileFormatEnum": "imports.models.FileFormat",
    }
)
