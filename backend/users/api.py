from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.settings import api_settings as jwt_settings

from users import lockout, services, tokens
from users.auth import authenticated_user
from users.authentication import JWTAuthentication
from users.models import User
from users.serializers import (
    AuthSessionSerializer,
    LoginSerializer,
    RefreshRequestSerializer,
    RegisterSerializer,
    SignUpAcceptedSerializer,
    TokenPairSerializer,
    UserSerializer,
    UserUpdateSerializer,
)

TAG = ["auth"]

SIGN_UP_ACCEPTED = _(
    "Check your inbox. If this email address is new, your account has been created and you "
    "can sign in with your password now; if it already has an account, we sent its owner a "
    "note instead."
)


class LoginLocked(Throttled):
    default_detail = _("Too many failed logins for this account.")
    # Lazy, so each request reads its own language (DRF formats then picks one by count).
    extra_detail_singular = _("Try again in {wait} second.")  # type: ignore[assignment]
    extra_detail_plural = _("Try again in {wait} seconds.")  # type: ignore[assignment]


def _with_refresh_cookie(response: Response, refresh: str) -> Response:
    response.set_cookie(
        settings.REFRESH_COOKIE_NAME,
        refresh,
        max_age=int(jwt_settings.REFRESH_TOKEN_LIFETIME.total_seconds()),
        path=settings.REFRESH_COOKIE_PATH,
        secure=settings.REFRESH_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def _refresh_token_from(request: Request) -> str | None:
    body = request.data if isinstance(request.data, dict) else {}
    token = body.get("refresh") or request.COOKIES.get(settings.REFRESH_COOKIE_NAME)
    return token if isinstance(token, str) else None


def _bearer_token(request: Request) -> str | None:
    """The access token of the Authorization header, if one is there (never an error)."""
    authentication = JWTAuthentication()
    header = authentication.get_header(request)
    try:
        raw = authentication.get_raw_token(header) if header else None
    except AuthenticationFailed:  # a malformed header has no token to revoke
        return None
    return raw.decode("latin-1") if raw else None


def site_url(request: Request) -> str:
    """Where links in mails point: SITE_URL, else this request's origin (its host is one of
    ALLOWED_HOSTS, or Django refused the request already)."""
    return settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")


def delete_refresh_cookie(response: Response) -> Response:
    response.delete_cookie(
        settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH, samesite="Strict"
    )
    return response


def _session_response(user: User) -> Response:
    pair = tokens.session_start(user)
    body = {"access": pair.access, "refresh": pair.refresh, "user": UserSerializer(user).data}
    return _with_refresh_cookie(Response(body), pair.refresh)


class PublicAuthView(APIView):
    """Endpoints that take credentials in the body rather than an Authorization header."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    def get_authenticate_header(self, request: Request) -> str:
        # Without this DRF would turn a failed login into 403 instead of 401.
        return 'Bearer realm="api"'


class AuthRateThrottledView(PublicAuthView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


class RegisterView(AuthRateThrottledView):
    @extend_schema(
        tags=TAG,
        summary="Create an account",
        description=(
            "Creates the user and their personal collection (a vendor they own) and mails "
            "them a welcome with the link that verifies the address; then log in with `POST /auth/login`. The answer is the same 202 "
            "whether or not the address already has an account: then nothing is created "
            "or changed and its owner gets a mail instead. Throttled per client."
        ),
        request=RegisterSerializer,
        responses={202: SignUpAcceptedSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.user_sign_up(**serializer.validated_data, site_url=site_url(request))
        return Response({"detail": SIGN_UP_ACCEPTED}, status=status.HTTP_202_ACCEPTED)


class LoginView(AuthRateThrottledView):
    extra_error_codes = ("401",)  # wrong email or password

    @extend_schema(
        tags=TAG,
        summary="Log in with email and password",
        description=(
            "Returns an access and a refresh token (a new session). Throttled per client, "
            "and per account: after `LOGIN_LOCKOUT_FAILURES` failed logins the account "
            "refuses logins, the right password included, for a short while (429 with "
            "`Retry-After`), whatever address they come from."
        ),
        request=LoginSerializer,
        responses={200: AuthSessionSerializer},
    )
    def post(self, request: Request) -> Response:
        credentials = LoginSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        email = credentials.validated_data["email"]
        if wait := lockout.retry_after(email):  # no password is checked while locked
            raise LoginLocked(wait)
        user = authenticate(request, email=email, password=credentials.validated_data["password"])
        locked = getattr(request, "account_locked", None)  # set by the lockout backend
        if locked is not None:
            raise LoginLocked(locked.retry_after)
        if not isinstance(user, User) or not jwt_settings.USER_AUTHENTICATION_RULE(user):
            raise AuthenticationFailed(
                gettext("No active account found with the given credentials"),
                code="no_active_account",
            )
        if jwt_settings.UPDATE_LAST_LOGIN:
            update_last_login(User, user)
        return _session_response(user)


class RefreshView(PublicAuthView):
    extra_error_codes = ("401",)  # missing, expired, rotated or revoked token

    @extend_schema(
        tags=TAG,
        summary="Exchange a refresh token for new tokens",
        description=(
            "Rotates the refresh token: the one sent is blacklisted and may not be used again. "
            "Sending a used one again is taken as theft: the whole session is ended (the "
            "token that replaced it and its access tokens are refused too) and the answer "
            "is 401. Send it in the body or as the `omni_refresh` cookie."
        ),
        request=RefreshRequestSerializer,
        responses={200: TokenPairSerializer},
    )
    def post(self, request: Request) -> Response:
        token = _refresh_token_from(request)
        if not token:
            raise NotAuthenticated(gettext("No refresh token was sent: log in again."))
        try:
            pair = tokens.session_refresh(token)
        except tokens.SessionRefused as exc:
            raise AuthenticationFailed(str(exc), code=exc.code) from exc
        body = {"access": pair.access, "refresh": pair.refresh}
        return _with_refresh_cookie(Response(body), pair.refresh)


class LogoutView(PublicAuthView):
    @extend_schema(
        tags=TAG,
        summary="Log out: end the session",
        description=(
            "Blacklists the refresh token (body or cookie), ends its session (every token "
            "rotated from the same login stops working, access tokens included) and clears "
            "the cookie. An access token sent as `Authorization: Bearer` is refused from "
            "now on and ends its session too, so either token is enough. Logging out with "
            "tokens that are already invalid succeeds: there is nothing left to revoke."
        ),
        request=RefreshRequestSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        tokens.session_end(refresh=_refresh_token_from(request), access=_bearer_token(request))
        return delete_refresh_cookie(Response(status=status.HTTP_204_NO_CONTENT))


class MeView(APIView):
    never_forbidden = ("patch",)  # everyone may edit their own profile

    @extend_schema(tags=TAG, summary="Your profile", responses={200: UserSerializer})
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(authenticated_user(request)).data)

    @extend_schema(
        tags=TAG,
        summary="Update your profile",
        request=UserUpdateSerializer,
        responses={200: UserSerializer},
    )
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = UserUpdateSerializer(
            authenticated_user(request), data=request.data, partial=True
        )
        serializer.is_valid(raise_exception=True)
        user = services.user_update(user=authenticated_user(request), **serializer.validated_data)
        return Response(UserSerializer(user).data)
