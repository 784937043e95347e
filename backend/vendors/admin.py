from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from users.admin import UserAdmin
from users.models import User
from vendors.models import Invitation, Membership, Role, Vendor


class VendorForm(forms.ModelForm):
    class Meta:
        model = Vendor
        fields = ("name", "slug", "default_currency", "is_personal")

    def clean_default_currency(self) -> str:
        return (self.cleaned_data.get("default_currency") or "").strip().upper()


class MembershipForm(forms.ModelForm):
    """Keeps the API's rule in the admin: a vendor never loses its last owner by a role change."""

    class Meta:
        model = Membership
        fields = ("user", "vendor", "role")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        instance = self.instance
        demoting = (
            instance.pk is not None
            and "role" in self.changed_data
            and self.initial.get("role") == Role.OWNER
            and cleaned.get("role") != Role.OWNER
        )
        if demoting:
            other_owners = Membership.objects.filter(
                vendor_id=instance.vendor_id, role=Role.OWNER
            ).exclude(pk=instance.pk)
            if not other_owners.exists():
                raise ValidationError(
                    {"role": "A vendor needs at least one owner: make someone else owner first."}
                )
        return cleaned


class MembershipInlineFormSet(forms.BaseInlineFormSet):
    """Judges the vendor's members as a whole: edits and deletions must leave an owner."""

    def clean(self) -> None:
        super().clean()
        remaining = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if remaining and not any(data.get("role") == Role.OWNER for data in remaining):
            raise ValidationError("A vendor needs at least one owner: keep or make someone owner.")


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipForm
    formset = MembershipInlineFormSet
    fk_name = "vendor"
    extra = 0
    fields = ("user", "role", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("user",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("user")


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    form = VendorForm
    inlines = (MembershipInline,)
    list_display = (
        "name",
        "slug",
        "default_currency",
        "is_personal",
        "member_count",
        "collectible_count",
        "created_at",
    )
    list_filter = ("is_personal", "default_currency")
    search_fields = ("name", "slug", "memberships__user__email")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    fields = ("name", "slug", "default_currency", "is_personal", "created_at", "updated_at")
    ordering = ("name", "id")
    date_hierarchy = "created_at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Vendor]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                _member_count=Count("memberships", distinct=True),
                _collectible_count=Count("collectibles", distinct=True),
            )
        )

    @admin.display(description="members", ordering="_member_count")
    def member_count(self, obj: Vendor) -> int:
        return getattr(obj, "_member_count", 0)

    @admin.display(description="items", ordering="_collectible_count")
    def collectible_count(self, obj: Vendor) -> int:
        return getattr(obj, "_collectible_count", 0)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    form = MembershipForm
    list_display = ("user", "vendor", "role", "created_at")
    list_filter = ("role", "vendor__is_personal")
    search_fields = ("user__email", "user__display_name", "vendor__name", "vendor__slug")
    autocomplete_fields = ("user", "vendor")
    list_select_related = ("user", "vendor")
    readonly_fields = ("created_at", "updated_at")
    ordering = ("vendor__name", "user__email")
    date_hierarchy = "created_at"

    def has_delete_permission(self, request: HttpRequest, obj: Membership | None = None) -> bool:
        if obj is not None and _is_last_owner_with_others(obj):
            return False  # the database would refuse it; don't offer it
        return super().has_delete_permission(request, obj)


def _is_last_owner_with_others(membership: Membership) -> bool:
    siblings = Membership.objects.filter(vendor_id=membership.vendor_id).exclude(pk=membership.pk)
    return (
        membership.role == Role.OWNER
        and siblings.exists()
        and not siblings.filter(role=Role.OWNER).exists()
    )


class UserMembershipInline(admin.TabularInline):
    """The vendors a user belongs to, with their role in each."""

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


# The users app sits below this one: its admin learns about memberships here.
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(UserAdmin):
    inlines = (UserMembershipInline,)
    list_display = (*UserAdmin.list_display[:2], "vendor_count", *UserAdmin.list_display[2:])

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).annotate(_vendor_count=Count("memberships"))

    @admin.display(description="vendors", ordering="_vendor_count")
    def vendor_count(self, obj: User) -> int:
        return getattr(obj, "_vendor_count", 0)

    def get_inlines(self, request: HttpRequest, obj: User | None) -> Any:
        # The add page is just email + password; memberships are edited afterwards.
        return () if obj is None else super().get_inlines(request, obj)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read and revoke only: a new invitation needs its mail, which the API sends."""

    list_display = ("email", "vendor", "role", "invited_by", "expires_at", "accepted_at")
    list_filter = ("role",)
    search_fields = ("email", "vendor__name")
    list_select_related = ("vendor", "invited_by")
    readonly_fields = (
        "vendor",
        "email",
        "role",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_by",
    )
    fields = (*readonly_fields, "revoked_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
