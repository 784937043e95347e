"""The in-app inbox: newest first, own only, unread count, mark read."""

import pytest
from django.utils import timezone

from notifications.factories import NotificationFactory

URL = "/api/v1/notifications/"
pytestmark = pytest.mark.django_db


def test_the_inbox_lists_only_your_notifications_newest_first(auth_client, user):
    first = NotificationFactory(user=user)
    second = NotificationFactory(user=user)
    NotificationFactory()  # someone else's

    results = auth_client.get(URL).json()["results"]

    assert [n["id"] for n in results] == [second.pk, first.pk]


def test_unread_filter_and_count(auth_client, user):
    NotificationFactory(user=user, read_at=timezone.now())
    unread = NotificationFactory(user=user)
    NotificationFactory()

    assert [n["id"] for n in auth_client.get(URL, {"unread": "true"}).json()["results"]] == [
        unread.pk
    ]
    assert len(auth_client.get(URL, {"unread": "false"}).json()["results"]) == 1
    assert auth_client.get(f"{URL}unread-count/").json() == {"unread_count": 1}
    assert auth_client.get(URL, {"unread": "maybe"}).status_code == 400
    assert auth_client.get(URL, {"unred": "true"}).status_code == 400


def test_marking_one_read(auth_client, user):
    notification = NotificationFactory(user=user)

    response = auth_client.post(f"{URL}{notification.pk}/read/")

    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    assert auth_client.get(f"{URL}unread-count/").json() == {"unread_count": 0}


def test_marking_all_read_leaves_other_users_alone(auth_client, user):
    NotificationFactory.create_batch(2, user=user)
    other = NotificationFactory()

    assert auth_client.post(f"{URL}read-all/").json() == {"marked_read": 2}
    other.refresh_from_db()
    assert other.read_at is None


def test_someone_elses_notification_is_a_404(auth_client):
    assert auth_client.post(f"{URL}{NotificationFactory().pk}/read/").status_code == 404
