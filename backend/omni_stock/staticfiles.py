"""The static files storage of production and `make run` (settings.STATIC_COLLECTED)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from whitenoise.storage import CompressedManifestStaticFilesStorage


class CollectedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's manifest storage (hashed names, gzip and brotli copies), with two
    changes: URLs carry the hash with DEBUG on too (Django's own storage drops it under
    DEBUG, which would leave `make run` serving the unhashed, short-cached copies), and
    only the hashed files are compressed, once: every page links those, compressing the
    unhashed copies as well doubled the slowest step of the image build, and a hashed
    name whose .br/.gz exists was compressed from these very bytes (`make run` restarts)."""

    def url(self, name: str | None, force: bool = False) -> str:
        return super().url(name, force=True)

    def compress_files(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        hashed = set(self.hashed_files.values())
        todo = [path for path in paths if path in hashed and not self._compressed(path)]
        return super().compress_files(todo)

    def _compressed(self, name: str) -> bool:
        return self.exists(f"{name}.br") or self.exists(f"{name}.gz")
