"""Tag rules shared by the API and the admin: trimmed, lower-cased, unique, limited."""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inventory.models import MAX_TAG_LENGTH, MAX_TAGS


def normalize_tag(tag: str) -> str:
    return re.sub(r"\s+", " ", tag).strip().lower()


def normalize_tags(raw: Iterable[str]) -> list[str]:
    """Normalised tags in their first-seen order; blanks and repeats dropped."""
    tags: list[str] = []
    for tag in map(normalize_tag, raw):
        if not tag or tag in tags:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ValidationError(
                _("Tag '%(tag)s…' is longer than %(limit)s characters.")
                % {"tag": tag[:20], "limit": MAX_TAG_LENGTH}
            )
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError(_("At most %(limit)s tags per item.") % {"limit": MAX_TAGS})
    return tags
