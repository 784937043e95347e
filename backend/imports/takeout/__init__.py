"""A vendor's whole collection as one zip (a "take-out"), and loading one back into an
empty vendor (docs/imports.md, "Export and take-out").

- `build.py` writes the archive (`takeout_write`);
- `archive.py` opens an uploaded one and refuses anything unsafe or malformed before a
  row is read (`TakeoutArchive`);
- `codec.py` turns model fields into JSON values and back, with the model's validation;
- `restore.py` loads an archive into an empty vendor in one transaction
  (`vendor_takeout_restore`).
"""
