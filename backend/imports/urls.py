from django.urls import path

# Included before inventory's router, so `collectibles/export` is not read as an item id.
urlpatterns: list = []
