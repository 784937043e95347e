"""The invitation mail. Sending is best effort, as in `users.emails`: a mail server that is
down is logged, and the inviting owner can still copy the link from the answer."""

from core.mail import mail_send
from vendors.models import Invitation

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
    mail_send(
        subject=INVITATION_SUBJECT.format(**fields),
        body=INVITATION_BODY.format(**fields),
        to=invitation.email,
        what=f"the invitation {invitation.pk}",
    )
