from rest_framework.routers import SimpleRouter

from alerts import api

router = SimpleRouter()
router.register("alert-rules", api.AlertRuleViewSet, basename="alert-rule")
router.register("alert-events", api.AlertEventViewSet, basename="alert-event")

urlpatterns = router.urls
