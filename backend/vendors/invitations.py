"""Invitations: an owner offers a role in a vendor to an email address, whether or not it
has an account yet; the person opens the mailed link, signs in or up, and accepts.

The rules: only a hash of the token is stored; one pending invitation per (vendor, email),
which a re-invite refreshes; an invitation is accepted once, before it expires, by the
account whose email it was sent to (a forwarded link lets nobody else in)."""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from users.models import User, normalize_email
from vendors import emails
from vendors.models import Invitation, Membership, Vendor

#: A bound on the mails one vendor's owners can make the server send.
MAX_PENDING_PER_VENDOR = 100


class InvitationState:
    PENDING = "pending"
    EXPIRED = "expired"
    REVOKED = "revoked"
    ACCEPTED = "accepted"


STATES = (
    InvitationState.PENDING,
    InvitationState.EXPIRED,
    InvitationState.REVOKED,
    InvitationState.ACCEPTED,
)


UNUSABLE_MESSAGES = {
    InvitationState.EXPIRED: gettext_lazy(
        "This invitation has expired: ask the owner for a new one."
    ),
    InvitationState.REVOKED: gettext_lazy(
        "This invitation was withdrawn by the collection's owner."
    ),
    InvitationState.ACCEPTED: gettext_lazy("This invitation has already been used."),
}


class InvitationForSomeoneElse(Exception):
    """The signed-in account's email is not the invited one; the message says so."""


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str  # the only copy: it goes into the mail and back to the inviting owner


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_state(invitation: Invitation) -> str:
    if invitation.accepted_at is not None:
        return InvitationState.ACCEPTED
    if invitation.revoked_at is not None:
        return InvitationState.REVOKED
    if invitation.expires_at <= timezone.now():
        return InvitationState.EXPIRED
    return InvitationState.PENDING


def invitation_list_pending(*, vendor: Vendor) -> QuerySet[Invitation]:
    """Not accepted and not revoked (expired ones included: the owner may re-send them)."""
    return (
        Invitation.objects.filter(vendor=vendor, accepted_at__isnull=True, revoked_at__isnull=True)
        .select_related("invited_by")
        .order_by("-created_at", "id")
    )


def invitation_get_by_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("vendor", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def invitation_create(
    *, vendor: Vendor, email: str, role: str, invited_by: User, link_for: Callable[[str], str]
) -> IssuedInvitation:
    """Invite `email` (or refresh its pending invitation: new token, role and expiry) and
    mail the link. `link_for(token)` makes the SPA's absolute URL."""
    email = normalize_email(email)
    if Membership.objects.filter(vendor=vendor, user__email=email).exists():
        raise ValidationError({"email": [_("This person is already a member of this collection.")]})
    # The vendor's row lock serialises its invitations: two owners inviting at once can
    # neither pass the cap nor both insert a pending row for one address.
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
    pending = list(invitation_list_pending(vendor=vendor))
    invitation = next((i for i in pending if i.email == email), None)
    if invitation is None and len(pending) >= MAX_PENDING_PER_VENDOR:
        raise ValidationError(
            {
                "email": [
                    _("A collection may have at most %(limit)s open invitations.")
                    % {"limit": MAX_PENDING_PER_VENDOR}
                ]
            }
        )
    token = secrets.token_urlsafe(32)
    if invitation is None:
        invitation = Invitation(vendor=vendor, email=email)
    invitation.role = role
    invitation.invited_by = invited_by
    invitation.token_hash = hash_token(token)
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    invitation.save()
    link = link_for(token)
    transaction.on_commit(lambda: emails.send_invitation(invitation, link=link))
    return IssuedInvitation(invitation=invitation, token=token)


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation was already accepted: remove the member instead."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership | None:
    """The membership the invitation grants (None: no invitation has this token)."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("vendor")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        return None
    state = invitation_state(invitation)
    if state != InvitationState.PENDING:
        raise ValidationError(UNUSABLE_MESSAGES[state], code=f"invitation_{state}")
    if normalize_email(user.email) != invitation.email:
        raise InvitationForSomeoneElse(
            _(
                "This invitation was sent to %(invited)s, and you are signed in as "
                "%(email)s. Sign in with the invited address to join."
            )
            % {"invited": invitation.email, "email": user.email}
        )
    if Membership.objects.filter(vendor=invitation.vendor, user=user).exists():
        raise ValidationError(
            _("You are already a member of %(vendor)s.") % {"vendor": invitation.vendor.name},
            code="already_member",
        )
    membership = Membership.objects.create(
        vendor=invitation.vendor, user=user, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    return membership
