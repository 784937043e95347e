from rest_framework.routers import SimpleRouter

from notifications import api

router = SimpleRouter()
router.register("notifications", api.NotificationViewSet, basename="notification")
router.register("notification-channels", api.ChannelViewSet, basename="notification-channel")

urlpatterns = router.urls
