"""The invitation mail. Sending is best effort, as in `users.emails`: a mail server that is
down is logged, and the inviting owner can still copy the link from the answer."""

import logging

from django.core.mail import send_mail

from vendors.models import Invitation

logger = logging.getLogger(__name__)

INVITATION_SUBJECT = "{inviter} invited you to “{vendor}” on Omni-Stock"
INVITATION_BODY = """Hello,

{inviter} invited you to join the collection “{vendor}” on Omni-Stock as {role}.

Open this link to accept (it works until {expires:%d %B %Y, %H:%M} UTC):

    {link}

If you have no Omni-Stock account yet, you can create one with this address ({email})
from that page. If you did not expect this invitation, you can ignore this mail.
"""

ROLE_PHRASES = {"owner": "an owner", "editor": "an editor", "viewer": "a viewer"}


def inviter_name(invitation: Invitation) -> str:
    inviter = invitation.invited_by
    return inviter.get_full_name() if inviter is not None else "An owner"


def send_invitation(invitation: Invitation, *, link: str) -> None:
    fields = {
        "inviter": inviter_name(invitation),
        "vendor": invitation.vendor.name,
        "role": ROLE_PHRASES.get(invitation.role, invitation.role),
        "expires": invitation.expires_at,
        "link": link,
        "email": invitation.email,
    }
    try:
        send_mail(
            INVITATION_SUBJECT.format(**fields),
            INVITATION_BODY.format(**fields),
            None,
            [invitation.email],
        )
    except Exception:
        logger.exception("Could not send the invitation %s", invitation.pk)
