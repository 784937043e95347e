from django.urls import path

from users import account_api, api

urlpatterns = [
    path("register", api.RegisterView.as_view(), name="auth-register"),
    path("login", api.LoginView.as_view(), name="auth-login"),
    path("refresh", api.RefreshView.as_view(), name="auth-refresh"),
    path("logout", api.LogoutView.as_view(), name="auth-logout"),
    path("me", api.MeView.as_view(), name="auth-me"),
    path("password", account_api.PasswordChangeView.as_view(), name="auth-password-change"),
    path("password-reset", account_api.PasswordResetView.as_view(), name="auth-password-reset"),
    path(
        "password-reset/confirm",
        account_api.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("verify-email", account_api.EmailVerifyView.as_view(), name="auth-verify-email"),
    path(
        "verify-email/resend",
        account_api.EmailVerifyResendView.as_view(),
        name="auth-verify-email-resend",
    ),
    path(
        "sessions/revoke-all",
        account_api.SessionsRevokeAllView.as_view(),
        name="auth-sessions-revoke-all",
    ),
    path("delete-account", account_api.AccountDeleteView.as_view(), name="auth-delete-account"),
]
