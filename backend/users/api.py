import contextlib
from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import RefreshToken

from users import services
from users.auth import authenticated_user
from users.models import User
from users.serializers import (
    AuthSessionSerializer,
    LoginSerializer,
    RefreshRequestSerializer,
    RegisterSerializer,
    TokenPairSerializer,
    UserSerializer,
    UserUpdateSerializer,
)

TAG = ["auth"]


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


def _session_response(user: User, status_code: int = status.HTTP_200_OK) -> Response:
    refresh = RefreshToken.for_user(user)
    body = {
        "access": str(refresh.access_token),
        "refresh": str(refresh),
        "user": UserSerializer(user).data,
    }
    return _with_refresh_cookie(Response(body, status=status_code), str(refresh))


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
            "Creates the user and their personal collection (a vendor they own) and logs them "
            "in. Throttled per client."
        ),
        request=RegisterSerializer,
        responses={201: AuthSessionSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return _session_response(user, status.HTTP_201_CREATED)


class LoginView(AuthRateThrottledView):
    extra_error_codes = ("401",)  # wrong email or password

    @extend_schema(
        tags=TAG,
        summary="Log in with email and password",
        description="Returns an access and a refresh token. Throttled per client.",
        request=LoginSerializer,
        responses={200: AuthSessionSerializer},
    )
    def post(self, request: Request) -> Response:
        credentials = LoginSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        serializer = TokenObtainPairSerializer(data=credentials.validated_data)
        serializer.is_valid(raise_exception=True)
        assert serializer.user is not None  # set by a successful validation
        return _session_response(serializer.user)


class RefreshView(PublicAuthView):
    extra_error_codes = ("401",)  # missing, expired, rotated or revoked token

    @extend_schema(
        tags=TAG,
        summary="Exchange a refresh token for new tokens",
        description=(
            "Rotates the refresh token: the one sent is blacklisted and may not be used again "
            "(401). Send it in the body or as the `omni_refresh` cookie."
        ),
        request=RefreshRequestSerializer,
        responses={200: TokenPairSerializer},
    )
    def post(self, request: Request) -> Response:
        token = _refresh_token_from(request)
        if not token:
            raise NotAuthenticated("No refresh token was sent: log in again.")
        serializer = TokenRefreshSerializer(data={"refresh": token})
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as exc:
            raise AuthenticationFailed(str(exc), code="token_not_valid") from exc
        data = serializer.validated_data
        return _with_refresh_cookie(
            Response({"access": data["access"], "refresh": data["refresh"]}), data["refresh"]
        )


class LogoutView(PublicAuthView):
    @extend_schema(
        tags=TAG,
        summary="Log out: revoke the refresh token",
        description=(
            "Blacklists the refresh token (body or cookie) and clears the cookie. Logging out "
            "with a token that is already invalid succeeds: there is nothing left to revoke."
        ),
        request=RefreshRequestSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        token = _refresh_token_from(request)
        if token:
            # A token already expired, rotated or revoked has nothing left to revoke.
            with contextlib.suppress(TokenError):
                RefreshToken(token).blacklist()  # type: ignore[arg-type]  # stubs say Token, str works
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(
            settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH, samesite="Strict"
        )
        return response


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
