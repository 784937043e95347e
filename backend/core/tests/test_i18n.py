"""The API answers in the language of `Accept-Language` (English by default, German
complete), and the committed German catalogue (.po and its compiled .mo) is whole."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LC_MESSAGES = Path(settings.BACKEND_DIR) / "locale" / "de" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def test_our_message_and_drf_builtin_message_come_in_german(auth_client):
    ours = auth_client.get("/api/v1/collectibles/?page_size=0", HTTP_ACCEPT_LANGUAGE="de")
    builtin = auth_client.post("/api/v1/collectibles/", {}, HTTP_ACCEPT_LANGUAGE="de")

    assert ours.status_code == 400
    assert ours.json() == {
        "detail": "Einige Felder sind ungültig.",
        "code": "invalid",
        "fields": {"page_size": ["Muss eine ganze Zahl von 1 bis 100 sein."]},
    }
    assert builtin.status_code == 400
    assert builtin.json()["code"] == "invalid"
    assert builtin.json()["fields"]["name"] == ["Dieses Feld ist erforderlich."]
    assert ours["Content-Language"] == "de"


def test_without_the_header_the_same_messages_are_english(auth_client):
    ours = auth_client.get("/api/v1/collectibles/?page_size=0")
    builtin = auth_client.post("/api/v1/collectibles/", {})

    assert ours.json() == {
        "detail": "Some fields are not valid.",
        "code": "invalid",
        "fields": {"page_size": ["Must be a whole number from 1 to 100."]},
    }
    assert builtin.json()["fields"]["name"] == ["This field is required."]
    assert ours["Content-Language"] == "en"


def test_an_unsupported_language_falls_back_to_english(auth_client):
    response = auth_client.get("/api/v1/collectibles/?page_size=0", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.json()["detail"] == "Some fields are not valid."


def test_errors_outside_drf_and_lazy_details_are_translated_too(client, auth_client):
    not_found = client.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    anonymous = client.get("/api/v1/auth/me", HTTP_ACCEPT_LANGUAGE="de")

    assert not_found.json() == {"detail": "Nicht gefunden.", "code": "not_found"}
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "not_authenticated"
    assert anonymous.json()["detail"] != "Authentication credentials were not provided."


def test_language_is_negotiated_without_redirects_and_varies_on_the_header(auth_client):
    response = auth_client.get("/api/v1/auth/me", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 200
    assert "Accept-Language" in response["Vary"]
    assert not response.has_header("Location")  # no i18n_patterns: no language redirect
    assert response["Content-Language"] == "de"


# --- The committed catalogue ---------------------------------------------------------


def _po_entries(path: Path) -> list[dict[str, str]]:
    """The entries of a .po file: msgid, msgid_plural, msgstr / msgstr[n], flags."""
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    key = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {}, ""
        elif line.startswith("#,"):
            entry["flags"] = line[2:].strip()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _space, text = line.partition(" ")
            entry[key] = ast.literal_eval(text)
    return entries


def test_the_po_file_has_every_message_translated_and_nothing_fuzzy():
    entries = _po_entries(LC_MESSAGES / "django.po")[1:]  # the first is the header

    assert len(entries) > 200
    for entry in entries:
        assert "fuzzy" not in entry.get("flags", ""), entry["msgid"]
        translations = [entry[k] for k in entry if k.startswith("msgstr")]
        assert translations, entry["msgid"]
        assert all(translations), f"untranslated: {entry['msgid']!r}"
        wanted = set(PLACEHOLDER.findall(entry["msgid"]))
        for translation in translations:
            assert set(PLACEHOLDER.findall(translation)) == wanted, entry["msgid"]


def test_the_committed_mo_file_is_compiled_from_the_po_file():
    entries = _po_entries(LC_MESSAGES / "django.po")
    with (LC_MESSAGES / "django.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)

    assert catalogue.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"
    compiled = {key for key in catalogue._catalog if key != ""}  # type: ignore[attr-defined]
    expected = set()
    for entry in entries[1:]:
        if "msgid_plural" in entry:
            expected.add((entry["msgid"], 0))
            expected.add((entry["msgid"], 1))
            assert (
                catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr[0]"]
            )
            assert (
                catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgstr[1]"]
            )
        else:
            expected.add(entry["msgid"])
            assert catalogue.gettext(entry["msgid"]) == entry["msgstr"], entry["msgid"]
    assert compiled == expected, "run `manage.py compilemessages -l de` and commit django.mo"
