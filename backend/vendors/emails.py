"""The invitation mail. Sending is best effort, as in `users.emails`: a mail server that is
down is logged, and the inviting owner can still copy the link from the answer.

The invitee may have no account, so no language of their own: the mail is written in the
inviting owner's (users.languages), the language they chose the invitation in."""

from datetime import UTC

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.mail import mail_send
from users.languages import in_language_of
from vendors.models import Invitation

INVITATION_SUBJECT = _("{inviter} invited you to “{vendor}” on Omni-Stock")
INVITATION_BODY = _("""Hello,

{inviter} invited you to join the collection “{vendor}” on Omni-Stock as {role}.

Open this link to accept (it works until {expires} UTC):

    {link}

If you have no Omni-Stock account yet, you can create one with this address ({email})
from that page. If you did not expect this invitation, you can ignore this mail.
""")

ROLE_PHRASES = {"owner": _("an owner"), "editor": _("an editor"), "viewer": _("a viewer")}


def inviter_name(invitation: Invitation) -> str:
    """Who invited, in the active language when nobody is known any more."""
    inviter = invitation.invited_by
    return inviter.get_full_name() if inviter is not None else gettext("An owner")


def send_invitation(invitation: Invitation, *, link: str) -> None:
    with in_language_of(invitation.invited_by):
        role = ROLE_PHRASES.get(invitation.role)
        fields = {
            "inviter": inviter_name(invitation),
            "vendor": invitation.vendor.name,
            "role": str(role) if role is not None else invitation.role,
            "expires": date_format(invitation.expires_at.astimezone(UTC), "DATETIME_FORMAT"),
            "link": link,
            "email": invitation.email,
        }
        subject = str(INVITATION_SUBJECT).format(**fields)
        body = str(INVITATION_BODY).format(**fields)
    mail_send(
        subject=subject, body=body, to=invitation.email, what=f"the invitation {invitation.pk}"
    )
