import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from users.models import User, normalize_email
from vendors.models import Membership, Role, Vendor, Visibility


def _unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "vendor"
    slug, n = base, 1
    while Vendor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def vendor_create(
    *, name: str, owner: User, default_currency: str = "USD", is_personal: bool = False
) -> Vendor:
    vendor = Vendor(
        name=name.strip(),
        slug=_unique_slug(name),
        default_currency=default_currency,
        is_personal=is_personal,
    )
    vendor.full_clean()
    vendor.save()
    Membership.objects.create(user=owner, vendor=vendor, role=Role.OWNER)
    return vendor


def vendor_create_personal(*, user: User, default_currency: str = "USD") -> Vendor:
    name = f"{user.get_short_name()}'s collection"
    return vendor_create(name=name, owner=user, default_currency=default_currency, is_personal=True)


def _new_share_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


@transaction.atomic
def vendor_update(
    *,
    vendor: Vendor,
    name: str | None = None,
    default_currency: str | None = None,
    collection_visibility: str | None = None,
    wants_visibility: str | None = None,
    share_show_prices: bool | None = None,
) -> Vendor:
    if name is not None:
        vendor.name = name.strip()
    if default_currency is not None:
        vendor.default_currency = default_currency
    if collection_visibility is not None:
        vendor.collection_visibility = collection_visibility
    if wants_visibility is not None:
        vendor.wants_visibility = wants_visibility
    if share_show_prices is not None:
        vendor.share_show_prices = share_show_prices
    shared = {vendor.collection_visibility, vendor.wants_visibility} != {Visibility.PRIVATE}
    if shared and not vendor.share_token:
        vendor.share_token = _new_share_token()
    vendor.full_clean(exclude=["slug"])
    vendor.save()
    return vendor


def share_link_regenerate(*, vendor: Vendor) -> Vendor:
    """A new share token: every link given out before stops working at once."""
    vendor.share_token = _new_share_token()
    vendor.save(update_fields=["share_token", "updated_at"])
    return vendor


def _lock_owners(vendor: Vendor) -> list[Membership]:
    # Row locks make "is this the last owner?" hold under concurrent demotions.
    return list(Membership.objects.select_for_update().filter(vendor=vendor, role=Role.OWNER))


@transaction.atomic
def membership_add(*, vendor: Vendor, email: str, role: str) -> Membership:
    user = User.objects.filter(email=normalize_email(email)).first()
    if user is None:
        raise ValidationError(
            {
                "email": [
                    _("No Omni-Stock account uses this email address. Ask them to sign up first.")
                ]
            }
        )
    if Membership.objects.filter(vendor=vendor, user=user).exists():
        raise ValidationError({"email": [_("This person is already a member of this vendor.")]})
    return Membership.objects.create(vendor=vendor, user=user, role=role)


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    if membership.role == Role.OWNER and role != Role.OWNER:
        owners = _lock_owners(membership.vendor)
        if len(owners) <= 1:
            raise ValidationError(
                {"role": [_("A vendor needs at least one owner: make someone else owner first.")]},
                code="last_owner",
            )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    if membership.role == Role.OWNER:
        owners = _lock_owners(membership.vendor)
        if len(owners) <= 1:
            raise ValidationError(
                _("The last owner cannot be removed: make someone else owner first."),
                code="last_owner",
            )
    membership.delete()


@transaction.atomic
def vendor_delete(*, vendor: Vendor) -> None:
    """Delete a vendor with everything it holds (items, their prices and photos, snapshots,
    imports, alert rules, memberships, invitations: all cascade)."""
    if vendor.is_personal:
        raise ValidationError(
            _(
                "Your personal collection cannot be deleted: new items go there. "
                "Deleting your account deletes it."
            ),
            code="personal_vendor",
        )
    vendor.delete()


@transaction.atomic
def membership_leave(*, membership: Membership) -> None:
    """A member leaves a vendor; an owner only while another owner stays."""
    if membership.role == Role.OWNER and len(_lock_owners(membership.vendor)) <= 1:
        raise ValidationError(
            _(
                "You are this collection's only owner: make someone else owner first, "
                "or delete the collection."
            ),
            code="last_owner",
        )
    membership.delete()
