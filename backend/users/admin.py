"""Admin for the custom email-login User.

Django's stock ``UserAdmin`` assumes a ``username`` field; this one logs in with the
email address (stored lower-cased) and adds users with email + password1/password2. The
vendors app extends it with each user's memberships (`vendors.admin`).
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest

from users.models import RevokedSession, User, normalize_email
from users.signals import user_created


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


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserAddForm

    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "display_currency", "email_verified_at")}),
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
    list_display: tuple[str, ...] = (
        "email",
        "display_name",
        "is_active",
        "is_staff",
        "date_joined",
        "last_login",
    )
    list_filter = ("is_active", "is_staff", "is_superuser", "groups")
    search_fields = ("email", "display_name")
    ordering = ("email",)
    date_hierarchy = "date_joined"

    def save_model(self, request: HttpRequest, obj: User, form: forms.Form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            # Like sign-up (its personal collection, from the vendors app).
            user_created.send(sender=User, user=obj)


@admin.register(RevokedSession)
class RevokedSessionAdmin(admin.ModelAdmin):
    """Ended login sessions (logouts, reused refresh tokens): a record, written by the API."""

    list_display = ("sid", "user", "reason", "revoked_at", "expires_at")
    list_filter = ("reason",)
    search_fields = ("sid", "user__email")
    list_select_related = ("user",)
    readonly_fields = ("sid", "user", "reason", "revoked_at", "expires_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
