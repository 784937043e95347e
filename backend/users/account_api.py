"""HTTP of account self-service: verification, password change and reset, signing out
everywhere, deleting the account. The rules are in `users.account`."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import AccessToken

from users import account
from users.account_serializers import (
    AccountDeleteSerializer,
    DetailSerializer,
    EmailVerifySerializer,
    ForgotPasswordSerializer,
    PasswordChangeSerializer,
    PasswordResetConfirmSerializer,
)
from users.api import AuthRateThrottledView, PublicAuthView, delete_refresh_cookie, site_url
from users.auth import authenticated_user
from users.serializers import UserSerializer
from users.tokens import SESSION_CLAIM

TAG = ["auth"]

RESET_ACCEPTED = _(
    "If an account uses this address, we sent it a link to choose a new password. "
    "It works for a short while and only once."
)


class AccountMailThrottle(ScopedRateThrottle):
    """ACCOUNT_MAIL_THROTTLE_RATE: per client address when signed out, per user when in."""

    scope_attr = "mail_throttle_scope"


class PasswordResetView(PublicAuthView):
    throttle_classes = [ScopedRateThrottle, AccountMailThrottle]
    throttle_scope = "auth"
    mail_throttle_scope = "account_mail"

    @extend_schema(
        tags=TAG,
        summary="Ask for a password reset link",
        description=(
            "Mails a link to the SPA's `/reset-password?uid=…&token=…` if an active account "
            "uses the address. The answer is the same 202 either way. Throttled per client "
            "(`AUTH_THROTTLE_RATE` and `ACCOUNT_MAIL_THROTTLE_RATE`), and an address gets at "
            "most one reset mail a minute."
        ),
        request=ForgotPasswordSerializer,
        responses={202: DetailSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = ForgotPasswordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account.password_reset_request(
            email=serializer.validated_data["email"], site_url=site_url(request)
        )
        return Response({"detail": RESET_ACCEPTED}, status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(AuthRateThrottledView):
    @extend_schema(
        tags=TAG,
        summary="Set a new password with a reset link",
        description=(
            "Takes the link's `uid` and `token` (valid `PASSWORD_RESET_TIMEOUT` seconds, "
            "once) and the new password (the password rules apply). Ends every session of "
            "the account: sign in again with the new password. Also verifies the address."
        ),
        request=PasswordResetConfirmSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account.password_reset_confirm(**serializer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EmailVerifyView(AuthRateThrottledView):
    @extend_schema(
        tags=TAG,
        summary="Verify your email address with the mailed link",
        description=(
            "Takes the `token` of the link in the welcome (or a resent) mail. It expires "
            "after `EMAIL_VERIFICATION_MAX_AGE` seconds and works once. No sign-in needed."
        ),
        request=EmailVerifySerializer,
        responses={200: UserSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = EmailVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = account.email_verify(token=serializer.validated_data["token"])
        return Response(UserSerializer(user).data)


class EmailVerifyResendView(APIView):
    never_forbidden = ("post",)
    throttle_classes = [AccountMailThrottle]
    mail_throttle_scope = "account_mail"

    @extend_schema(
        tags=TAG,
        summary="Mail a new verification link",
        description=(
            "400 `already_verified` when there is nothing to verify. Throttled per user "
            "(`ACCOUNT_MAIL_THROTTLE_RATE`)."
        ),
        request=None,
        responses={202: DetailSerializer},
    )
    def post(self, request: Request) -> Response:
        user = authenticated_user(request)
        account.email_verification_send(user=user, site_url=site_url(request))
        detail = gettext("We sent a new verification link to %(email)s.") % {"email": user.email}
        return Response({"detail": detail}, status=status.HTTP_202_ACCEPTED)


class PasswordChangeView(APIView):
    never_forbidden = ("post",)
    throttle_classes = [ScopedRateThrottle]  # the current password must not be guessable
    throttle_scope = "auth"

    @extend_schema(
        tags=TAG,
        summary="Change your password",
        description=(
            "Needs the current password; the new one must pass the password rules. Every "
            "other session of yours ends; this one stays signed in. Throttled per user."
        ),
        request=PasswordChangeSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = request.auth  # the validated access token (JWT authentication)
        account.password_change(
            user=authenticated_user(request),
            **serializer.validated_data,
            keep_sid=token.get(SESSION_CLAIM) if isinstance(token, AccessToken) else None,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionsRevokeAllView(APIView):
    never_forbidden = ("post",)

    @extend_schema(
        tags=TAG,
        summary="Sign out of every session",
        description=(
            "Ends every session of yours, on every device, this one included: their "
            "refresh tokens are refused and their access tokens stop working at once. "
            "Clears the refresh cookie."
        ),
        request=None,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        account.sessions_end_everywhere(user=authenticated_user(request))
        return delete_refresh_cookie(Response(status=status.HTTP_204_NO_CONTENT))


class AccountDeleteView(APIView):
    never_forbidden = ("post",)
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(
        tags=TAG,
        summary="Delete your account",
        description=(
            "Needs your password. Deletes the account, its settings and channels, and "
            "every collection nobody else owns, with its items and prices; a collection "
            "with other owners stays with them. Download a take-out first "
            "(`GET /vendors/{id}/takeout`). Ends every session. Cannot be undone."
        ),
        request=AccountDeleteSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        serializer = AccountDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account.user_delete(
            user=authenticated_user(request), password=serializer.validated_data["password"]
        )
        return delete_refresh_cookie(Response(status=status.HTTP_204_NO_CONTENT))
