"""Login sessions on top of SimpleJWT: issue, rotate, end.

A login starts a session: its refresh token carries a random `sid` claim, which every
token rotated from it keeps and every access token made from them copies. That lets us
end a whole session at once:

- **Refresh-token reuse.** A refresh token is single-use (rotation blacklists it). If a
  used one comes back, someone holds a copy: the session is revoked, so the token that
  replaced it and the access tokens of the session are refused too (OAuth 2.0 security
  BCP, refresh token rotation). The blacklist row is taken under a row lock, so two
  requests racing with one token cannot both rotate it.
- **Logout** revokes the session as well, and with it the access token still in hand.

A revoked session is a `RevokedSession` row (checked on refresh) and, for access tokens,
a cache (Redis) entry that lives as long as an access token can (checked on every
authenticated request, `users.authentication`). A single access token can also be
denied by its `jti` until it expires.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken, Token

from users.models import RevokedSession, User

logger = logging.getLogger(__name__)

SESSION_CLAIM = "sid"


class SessionRefused(Exception):
    """The refresh token cannot be used; the message says why, for the person."""

    def __init__(self, message: str, code: str = "token_not_valid") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str


def _revoked_session_key(sid: str) -> str:
    return f"auth-revoked-session:{sid}"


def _denied_access_key(jti: str) -> str:
    return f"auth-denied-access:{jti}"


def session_start(user: User) -> TokenPair:
    """Tokens for a user who just proved who they are: a new session."""
    refresh = RefreshToken.for_user(user)
    refresh[SESSION_CLAIM] = uuid.uuid4().hex
    # for_user stored the token before it had its sid; store it with, so that
    # `sessions_end_all` finds the session of a token never rotated.
    OutstandingToken.objects.filter(jti=refresh["jti"]).update(token=str(refresh))
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh))


def _verified_payload(raw: str, token_type: str) -> dict[str, Any]:
    """The claims of a token whose signature, expiry and type are right (the blacklist
    is not consulted here)."""
    try:
        payload = token_backend.decode(raw, verify=True)  # type: ignore[arg-type]  # str works
    except TokenBackendError as exc:
        raise SessionRefused(_("The token is invalid or expired: log in again.")) from exc
    if payload.get(jwt_settings.TOKEN_TYPE_CLAIM) != token_type or not payload.get("jti"):
        raise SessionRefused(_("This is not a valid refresh token: log in again."))
    return payload


def _user_of(payload: dict[str, Any]) -> User | None:
    user_id = payload.get(jwt_settings.USER_ID_CLAIM)
    return User.objects.filter(pk=user_id).first() if user_id else None


def session_refresh(raw: str) -> TokenPair:
    """Rotate a refresh token: blacklist it and return a new pair of the same session.

    Raises SessionRefused for an invalid, expired or revoked token, for an inactive or
    deleted user, and for a token already used, which also revokes its session."""
    payload = _verified_payload(raw, "refresh")
    sid = payload.get(SESSION_CLAIM)
    if sid and RevokedSession.objects.filter(sid=sid).exists():
        raise SessionRefused(_("This session has ended: log in again."))
    user = _user_of(payload)
    if user is None or not user.is_active:
        raise SessionRefused(_("No active account found for the given token."), "no_active_account")

    with transaction.atomic():
        # Row lock (its Meta ordering would join the user: order by pk instead).
        outstanding = (
            OutstandingToken.objects.select_for_update()
            .filter(jti=payload["jti"])
            .order_by("pk")
            .first()
        )
        if outstanding is None:  # not issued by us, or purged after expiring
            raise SessionRefused(_("The token is invalid or expired: log in again."))
        _token, first_use = BlacklistedToken.objects.get_or_create(token=outstanding)
        if first_use:
            refresh = RefreshToken(raw, verify=False)  # type: ignore[arg-type]  # verified above
            access = refresh.access_token
            refresh.set_jti()
            refresh.set_exp()
            refresh.set_iat()
            refresh.outstand()
            return TokenPair(access=str(access), refresh=str(refresh))

    logger.warning("A used refresh token came back for user %s: session %s revoked.", user.pk, sid)
    if sid:
        _revoke_session(sid, user, RevokedSession.Reason.REFRESH_REUSED)
    raise SessionRefused(
        _(
            "This refresh token was already used, so it may have been copied: the session has "
            "been ended for your safety. Log in again."
        )
    )


def session_end(*, refresh: str | None, access: str | None) -> None:
    """Logout: blacklist the refresh token, deny the access token, and end the session
    either belongs to.

    Tokens that are invalid or expired are skipped: there is nothing left to revoke."""
    if refresh:
        try:
            payload = _verified_payload(refresh, "refresh")
        except SessionRefused:
            payload = None
        if payload is not None:
            user = _user_of(payload)
            outstanding = OutstandingToken.objects.filter(jti=payload["jti"]).first()
            if outstanding is not None:
                BlacklistedToken.objects.get_or_create(token=outstanding)
            if sid := payload.get(SESSION_CLAIM):
                _revoke_session(sid, user, RevokedSession.Reason.LOGOUT)
    if access:
        try:
            token = AccessToken(access)  # type: ignore[arg-type]  # stubs say Token, str works
        except TokenError:
            return
        _deny_access_token(token)
        if sid := token.get(SESSION_CLAIM):
            _revoke_session(sid, _user_of(token.payload), RevokedSession.Reason.LOGOUT)


def sessions_end_all(user: User, *, reason: str, keep_sid: str | None = None) -> int:
    """End every session of the user but `keep_sid` (the one asking, after a password
    change): their refresh tokens are blacklisted and, through the sessions, their access
    tokens refused. Returns how many sessions ended."""
    now = timezone.now()
    live = OutstandingToken.objects.filter(user=user, expires_at__gt=now).order_by("pk")
    sids: set[str] = set()
    for outstanding in live:
        try:  # we issued and stored it; its signature is not in question
            payload = token_backend.decode(outstanding.token, verify=False)  # type: ignore[arg-type]
        except TokenBackendError:
            continue
        sid = payload.get(SESSION_CLAIM)
        if sid == keep_sid and keep_sid:
            continue
        BlacklistedToken.objects.get_or_create(token=outstanding)
        if sid:
            sids.add(sid)
    for sid in sids:
        _revoke_session(sid, user, reason)
    return len(sids)


def _revoke_session(sid: str, user: User | None, reason: str) -> None:
    now = timezone.now()
    RevokedSession.objects.filter(expires_at__lt=now).delete()
    RevokedSession.objects.get_or_create(
        sid=sid,
        defaults={
            "user": user,
            "reason": reason,
            "expires_at": now + jwt_settings.REFRESH_TOKEN_LIFETIME,
        },
    )
    # Access tokens of the session expire at the latest one lifetime from now.
    lifetime = jwt_settings.ACCESS_TOKEN_LIFETIME + timedelta(seconds=60)
    cache.set(_revoked_session_key(sid), True, int(lifetime.total_seconds()))


def _deny_access_token(token: AccessToken) -> None:
    expires = datetime.fromtimestamp(token["exp"], tz=UTC)
    remaining = int((expires - timezone.now()).total_seconds()) + 1
    if remaining > 0:
        cache.set(_denied_access_key(token["jti"]), True, remaining)


def access_token_revoked(payload: dict[str, Any] | Token) -> bool:
    """Was this (valid) access token denied, or its session ended? One cache round trip."""
    keys = []
    if jti := payload.get("jti"):
        keys.append(_denied_access_key(jti))
    if sid := payload.get(SESSION_CLAIM):
        keys.append(_revoked_session_key(sid))
    return bool(keys) and bool(cache.get_many(keys))
