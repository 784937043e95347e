"""Parsing entry point (re-exported from :mod:`scraper`): see :func:`extract`."""

from scraper.sources import SOURCES, extract, source_for_url

__all__ = ["SOURCES", "extract", "source_for_url"]
