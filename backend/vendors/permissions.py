"""The role rule of the HTTP layer: who may write to a vendor's items and trackers."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from vendors.models import Membership


def require_edit_role(membership: Membership | None, *, doing: str) -> None:
    """A 403 unless `membership` (the caller's in the vendor; None: not a member) is an
    owner's or an editor's; `doing` ends the sentence "you cannot …"."""
    if membership is None or not membership.can_edit:
        raise PermissionDenied(
            _("You have view-only access: you cannot %(doing)s.") % {"doing": doing}
        )
