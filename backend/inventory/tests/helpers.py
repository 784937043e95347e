"""Requests the search tests make, and what they read of the answers."""

SEARCH_URL = "/api/v1/search"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def searching(client, q: str, **params):
    return client.get(SEARCH_URL, {"q": q, **params})
