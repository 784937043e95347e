from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import InvalidToken

from users.tokens import access_token_revoked


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT's bearer-token authentication that also refuses the access tokens of an
    ended session (logout, a reused refresh token) before they expire, and says so in
    one sentence instead of SimpleJWT's nested message list."""

    def get_validated_token(self, raw_token: bytes) -> Any:
        try:
            token = super().get_validated_token(raw_token)
        except InvalidToken as exc:
            raise AuthenticationFailed(
                _("The access token is invalid or expired: refresh it or log in again."),
                code="token_not_valid",
            ) from exc
        if access_token_revoked(token):
            raise AuthenticationFailed(
                _("This session has ended: log in again."), code="token_not_valid"
            )
        return token


class JWTAuthenticationScheme(SimpleJWTScheme):
    """The OpenAPI security scheme (`jwtAuth`) of SimpleJWT, for our subclass too."""

    target_class = "users.authentication.JWTAuthentication"
