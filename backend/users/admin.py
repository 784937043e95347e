"""Admin for the custom email-login User.

Django's stock ``UserAdmin`` assumes a ``username`` field; this one logs in with the
email address (stored lower-cased), adds users with email + password1/password2, and
shows the vendors each user belongs to as an inline.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from users.models import User, normalize_email
from vendors.admin import MembershipForm
from vendors.models import Membership
from vendors.services import vendor_create_personal


class _NormalizedEmailMixin:
    """Lower-case the email before the unique check, so `A@x.io` collides with `a@x.io`."""

    cleaned_data: dict[str, Any]

    def clean_email(self) -> str:
        return normalize_email(self.cleaned_data["email"])


class UserAddForm(_NormalizedEmailMixin, AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name")


class UserEditForm(_NormalizedEmailMixin, UserChangeForm):
    class Meta:
        model = User
        fields = (
            "email",
            "password",
            "display_name",
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "user_permissions",
        )
        field_classes: dict[str, type[forms.Field]] = {}


class MembershipInline(admin.TabularInline):
    """The vendors this user belongs to, with their role in each."""

    model = Membership
    form = MembershipForm
    fk_name = "user"
    extra = 0
    fields = ("vendor", "role", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("vendor",)
    show_change_link = True
    verbose_name = "vendor membership"
    verbose_name_plural = "vendor memberships"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("vendor")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserAddForm
    inlines = (MembershipInline,)

    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name",)}),
        (
            "Permissions",
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "classes": ("collapse",),
            },
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "display_name", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = (
        "email",
        "display_name",
        "vendor_count",
        "is_active",
        "is_staff",
        "date_joined",
        "last_login",
    )
    list_filter = ("is_active", "is_staff", "is_superuser", "groups")
    search_fields = ("email", "display_name")
    ordering = ("email",)
    date_hierarchy = "date_joined"

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).annotate(_vendor_count=Count("memberships"))

    @admin.display(description="vendors", ordering="_vendor_count")
    def vendor_count(self, obj: User) -> int:
        return getattr(obj, "_vendor_count", 0)

    def get_inlines(self, request: HttpRequest, obj: User | None) -> Any:
        # The add page is just email + password; memberships are edited afterwards.
        return () if obj is None else super().get_inlines(request, obj)

    def save_model(self, request: HttpRequest, obj: User, form: forms.Form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            # Like sign-up: every account gets its personal collection.
            vendor_create_personal(user=obj)
