"""`POST /collectibles/bulk`: one edit (tags, condition, location, category, delete) to
many items at once, chosen by id or by the list's filters; all or nothing."""

from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.serializers import ErrorSerializer
from inventory import extensions
from inventory.api import DELETION_REFUSED, TAG, DeletionRefused
from inventory.bulk import BULK_EDITS, MAX_BULK_ITEMS, BulkAction
from inventory.bulk_serializers import (
    ACTION_FIELDS,
    IGNORED_LIST_PARAMS,
    CollectibleBulkEditSerializer,
    CollectibleBulkResultSerializer,
)
from inventory.filters import collectible_filterset
from inventory.models import Collectible
from inventory.services import DeletionNeedsConfirmation
from users.auth import authenticated_user
from users.models import User
from vendors.permissions import require_edit_role
from vendors.selectors import membership_get, vendor_ids_for_user

#: At most this many unknown ids are named in the 400 (the count names them all).
_NAMED_MISSING_IDS = 20


class CollectibleBulkEditView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Change or delete many items at once",
        description="Selects items by `ids` or by `filters` (the list's query parameters; "
        f"at most {MAX_BULK_ITEMS:,} items either way) and applies one `action`: "
        "`add_tags` / `remove_tags` / `set_tags` (`tags`), `set_condition` (`condition`), "
        "`set_location` (`location`), `set_category` (`category`) or `delete` (optional "
        "`confirm`). Each action needs its own field and refuses the others'. One "
        "transaction: on any error nothing is changed. Ids not among your vendors' items "
        "are a 400 naming them; any selected item of a vendor where you are a viewer is "
        "a 403.",
        request=CollectibleBulkEditSerializer,
        responses={
            200: CollectibleBulkResultSerializer,
            409: DELETION_REFUSED,
            400: OpenApiResponse(
                ErrorSerializer,
                description="Invalid input, unknown ids, too many items, or tags past the "
                "per-item limit: nothing was changed.",
            ),
        },
    )
    def post(self, request: Request) -> Response:
        user = authenticated_user(request)
        body = CollectibleBulkEditSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if "ids" in data:
            selected = _selected_by_ids(user=user, ids=data["ids"])
        else:
            selected = _selected_by_filters(user=user, request=request, params=data["filters"])
        for vendor_id in sorted({vendor_id for _pk, vendor_id in selected}):
            require_edit_role(
                membership_get(user=user, vendor=vendor_id), doing=_("change items of this vendor")
            )
        action = data["action"]
        options: dict[str, Any] = {}
        if (field := ACTION_FIELDS[action]) is not None:
            options[field] = data[field]
        if action == BulkAction.DELETE:
            options["confirmed"] = [data["confirm"]] if "confirm" in data else []
        try:
            result = BULK_EDITS[action](collectible_ids=[pk for pk, _ in selected], **options)
        except DeletionNeedsConfirmation as refusal:
            raise DeletionRefused.of(refusal) from refusal
        return Response(
            CollectibleBulkResultSerializer(
                {"matched": result.matched, "changed": result.changed}
            ).data
        )


def _selected_by_ids(*, user: User, ids: list[int]) -> list[tuple[int, int]]:
    """(id, vendor id) of each asked-for item; any id that is not an item of one of the
    user's vendors is a 400 naming it (whether it exists elsewhere is not told)."""
    wanted = list(dict.fromkeys(ids))
    found = list(
        Collectible.objects.filter(
            pk__in=wanted, vendor_id__in=list(vendor_ids_for_user(user=user))
        ).values_list("pk", "vendor_id")
    )
    known = {pk for pk, _ in found}
    missing = [pk for pk in wanted if pk not in known]
    if missing:
        named = ", ".join(map(str, missing[:_NAMED_MISSING_IDS]))
        if len(missing) > 20:
            message = _("%(count)s items were not found: %(ids)s and %(more)s more.") % {
                "count": len(missing),
                "ids": named,
                "more": len(missing) - _NAMED_MISSING_IDS,
            }
        else:
            message = ngettext(
                "%(count)s item was not found: %(ids)s.",
                "%(count)s items were not found: %(ids)s.",
                len(missing),
            ) % {"count": len(missing), "ids": named}
        raise ValidationError({"ids": [message]})
    return found


def _selected_by_filters(
    *, user: User, request: Request, params: dict[str, list[str]]
) -> list[tuple[int, int]]:
    """(id, vendor id) of every item the list shows with these query parameters."""
    filterset_class = collectible_filterset()
    query = QueryDict(mutable=True)
    unknown: dict[str, list[str]] = {}
    for name, values in params.items():
        if name in IGNORED_LIST_PARAMS:
            continue
        if name not in filterset_class.base_filters:
            unknown[f"filters.{name}"] = [_("Unknown list filter.")]
        query.setlist(name, values)
    if unknown:
        raise ValidationError(unknown)
    base = Collectible.objects.filter(vendor_id__in=list(vendor_ids_for_user(user=user)))
    filterset = filterset_class(data=query, queryset=base, request=request)
    if not filterset.is_valid():
        raise ValidationError({"filters": filterset.errors})
    for extension in extensions.registered():
        extension.before_listing(params=query, user=user)
    found = list(filterset.qs.order_by().values_list("pk", "vendor_id")[: MAX_BULK_ITEMS + 1])
    if len(found) > MAX_BULK_ITEMS:
        raise ValidationError(
            {
                "filters": [
                    _(
                        "These filters match more than %(limit)s items, the most one "
                        "request may change: narrow them (for example by vendor or category)."
                    )
                    % {"limit": f"{MAX_BULK_ITEMS:,}"}
                ]
            }
        )
    return found
