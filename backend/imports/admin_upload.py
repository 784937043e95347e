"""The admin's "Import a file" page: an operator uploads a file for a member of a vendor,
with the same reader, suggested mapping and preview as the API; the draft then shows on
its change page and is committed (or undone) with the list's actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from imports.models import OnDuplicate
from inventory.models import Category
from users.models import User
from vendors.models import Vendor
from vendors.selectors import membership_get


class ImportUploadForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=User.objects.order_by("email"),
        help_text="The import is theirs: they see it in the app and can change its mapping.",
    )
    vendor = forms.ModelChoiceField(
        queryset=Vendor.objects.order_by("name"), help_text="Where the items go."
    )
    file = forms.FileField(
        help_text=f"CSV, TSV, XLSX or JSON, at most {settings.IMPORT_MAX_FILE_BYTES} bytes."
    )
    category = forms.ChoiceField(
        choices=[("", "— from the file —"), *Category.choices],
        required=False,
        help_text="For rows without a category (a file of one kind of item).",
    )
    day_first = forms.BooleanField(
        required=False, help_text="Read 05/03/2024 as 5 March (default: month first)."
    )
    on_duplicate = forms.ChoiceField(choices=OnDuplicate.choices, initial=OnDuplicate.SKIP)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is over {settings.IMPORT_MAX_FILE_BYTES} bytes, the most an "
                "import reads."
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        user, vendor = cleaned.get("user"), cleaned.get("vendor")
        if user is not None and vendor is not None:
            membership = membership_get(user=user, vendor=vendor)
            if membership is None or not membership.can_edit:
                raise forms.ValidationError(
                    "This user cannot add items to this vendor (not an owner or editor)."
                )
        return cleaned
