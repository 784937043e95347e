from rest_framework.routers import SimpleRouter

from users import credentials_api

router = SimpleRouter()
router.register(
    "marketplace-credentials",
    credentials_api.MarketplaceCredentialViewSet,
    basename="marketplace-credential",
)

urlpatterns = router.urls
