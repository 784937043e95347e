import pytest

INDEX = b"<!doctype html><div id=root></div><script src=/assets/app.js></script>"


@pytest.fixture
def built_spa(settings, tmp_path):
    (tmp_path / "index.html").write_bytes(INDEX)
    settings.SPA_DIST_DIR = tmp_path
    return tmp_path


@pytest.mark.parametrize("path", ["/", "/login", "/collection/42/edit", "/dashboard?range=1y"])
def test_client_side_routes_get_the_spa_index(client, built_spa, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response.content == INDEX
    assert "no-cache" in response["Cache-Control"]


def test_rebuilt_index_is_served_without_restart(client, built_spa):
    client.get("/")
    (built_spa / "index.html").write_bytes(b"<!doctype html>rebuilt")

    assert client.get("/").content == b"<!doctype html>rebuilt"


def test_api_paths_are_not_swallowed_by_the_spa(client, built_spa):
    response = client.get("/api/v1/nope")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_admin_is_not_swallowed_by_the_spa(client, built_spa):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_unbuilt_spa_says_how_to_build_it(client, settings, tmp_path):
    settings.SPA_DIST_DIR = tmp_path / "missing"

    response = client.get("/")

    assert response.status_code == 503
    assert b"make run" in response.content
