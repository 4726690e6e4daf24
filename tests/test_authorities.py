"""The built-in registry of supervisory authorities (SPEC §3 `supervisory_authority`)."""

from __future__ import annotations

import dataclasses
import re
from importlib.resources import files
from urllib.parse import urlsplit

import pytest

from mkdocs_legal.core import authorities
from mkdocs_legal.core.authorities import BuiltinAuthority
from mkdocs_legal.core.authorities import keys as builtin_keys

LAENDER = [
    "DE-BW",
    "DE-BY",
    "DE-BE",
    "DE-BB",
    "DE-HB",
    "DE-HH",
    "DE-HE",
    "DE-MV",
    "DE-NI",
    "DE-NW",
    "DE-RP",
    "DE-SL",
    "DE-SN",
    "DE-ST",
    "DE-SH",
    "DE-TH",
]
SPAIN = ["ES", "ES-CT", "ES-PV", "ES-AN"]
REQUIRED = [
    *["SE", "DK", "NO", "FI", "IE", "UK", "DE", *LAENDER],
    *["FR", "BE", "NL", "LU", "AT", *SPAIN, "IT", "PL", "PT"],
]

# Keys that deliberately share a website. None today; list pairs here if that changes.
SHARED_URLS: dict[str, frozenset[str]] = {}

ALL = [a for a in (authorities.get(k) for k in builtin_keys()) if a is not None]


def test_every_required_key_is_present() -> None:
    missing = [k for k in REQUIRED if authorities.get(k) is None]
    assert missing == []


def test_all_sixteen_laender_are_present() -> None:
    laender = [k for k in builtin_keys() if k.startswith("DE-")]
    assert sorted(laender) == sorted(LAENDER)
    assert len(laender) == 16


def test_keys_are_exactly_the_required_ones_in_file_order() -> None:
    assert sorted(authorities.keys()) == sorted(REQUIRED)
    assert len(set(authorities.keys())) == len(authorities.keys())


def test_get_se() -> None:
    se = authorities.get("SE")
    assert se is not None
    assert se.url == "https://www.imy.se"
    assert se.country == "SE"
    assert se.name["sv"] == "Integritetsskyddsmyndigheten (IMY)"
    assert se.name["en"] == "Swedish Authority for Privacy Protection (IMY)"


def test_unknown_key_is_none() -> None:
    assert authorities.get("XX") is None
    assert authorities.get("DE-XX") is None
    assert authorities.get("") is None


def test_norway_key_survives_yaml_1_1() -> None:
    # A bare `NO:` would be read as False; the data file must quote it.
    no = authorities.get("NO")
    assert no is not None
    assert no.key == "NO"
    assert no.country == "NO"


@pytest.mark.parametrize("authority", ALL, ids=lambda a: a.key)
def test_url_is_https_without_trailing_slash(authority: BuiltinAuthority) -> None:
    parts = urlsplit(authority.url)
    assert parts.scheme == "https"
    assert parts.netloc
    assert parts.path == ""
    assert not parts.query and not parts.fragment


def test_no_two_keys_share_a_url_unless_intended() -> None:
    by_url: dict[str, set[str]] = {}
    for a in ALL:
        by_url.setdefault(a.url.lower(), set()).add(a.key)
    shared = {url: ks for url, ks in by_url.items() if len(ks) > 1}
    assert shared == {url: set(SHARED_URLS[url]) for url in shared if url in SHARED_URLS}


@pytest.mark.parametrize("authority", ALL, ids=lambda a: a.key)
def test_entry_is_complete(authority: BuiltinAuthority) -> None:
    assert re.fullmatch(r"[A-Z]{2}", authority.country)
    assert authority.name, "at least the local language"
    for language, name in authority.name.items():
        assert re.fullmatch(r"[a-z]{2,3}", language)
        assert name.strip() == name and name
    assert authority.address.strip() == authority.address and authority.address
    assert "\n" not in authority.address


@pytest.mark.parametrize("authority", ALL, ids=lambda a: a.key)
def test_country_matches_key(authority: BuiltinAuthority) -> None:
    expected = {"UK": "GB"}.get(authority.key, authority.key.split("-")[0])
    assert authority.country == expected


def test_local_languages() -> None:
    local = {k: a.local_language for k in builtin_keys() if (a := authorities.get(k))}
    assert local["SE"] == "sv"
    assert local["DK"] == "da"
    assert local["NO"] == "nb"
    assert local["FI"] == "fi"
    assert local["IE"] == "en"
    assert local["UK"] == "en"
    assert {local[k] for k in ["DE", *LAENDER]} == {"de"}
    assert [local[k] for k in ["FR", "BE", "NL", "LU", "AT", "IT", "PL", "PT"]] == [
        *["fr", "fr", "nl", "fr", "de", "it", "pl", "pt"]
    ]
    assert [local[k] for k in SPAIN] == ["es", "ca", "es", "es"]


def test_belgium_is_named_in_each_national_language() -> None:
    be = authorities.get("BE")
    assert be is not None
    assert be.name_in("fr") == "Autorité de protection des données (APD)"
    assert be.name_in("nl") == "Gegevensbeschermingsautoriteit (GBA)"
    assert be.name_in("de") == "Datenschutzbehörde"


@pytest.mark.parametrize("region", ["ES-CT", "ES-PV", "ES-AN"])
def test_spanish_regional_authorities_send_companies_to_the_aepd(region: str) -> None:
    authority = authorities.get(region)
    assert authority is not None and authority.note is not None
    assert "public" in authority.note
    assert "AEPD: use ES" in authority.note


def test_federal_authority_tells_users_to_pick_their_land() -> None:
    de = authorities.get("DE")
    assert de is not None
    assert de.note is not None
    for word in ("federal", "telecommunications", "postal", "Land"):
        assert word in de.note
    for land in LAENDER:
        assert land in de.note


def test_laender_are_private_sector_authorities() -> None:
    by = authorities.get("DE-BY")
    assert by is not None
    assert by.name["de"] == "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)"
    assert by.url == "https://www.lda.bayern.de"
    for land in LAENDER:
        a = authorities.get(land)
        assert a is not None
        assert "Bundesbeauftragte" not in a.name["de"]


def test_name_in_prefers_the_language() -> None:
    fi = authorities.get("FI")
    assert fi is not None
    assert fi.name_in("fi") == "Tietosuojavaltuutetun toimisto"
    assert fi.name_in("sv") == "Dataombudsmannens byrå"
    assert fi.name_in("en") == "Office of the Data Protection Ombudsman"


def test_name_in_uses_the_base_language_of_a_regional_tag() -> None:
    fi = authorities.get("FI")
    assert fi is not None
    assert fi.name_in("sv-FI") == "Dataombudsmannens byrå"
    assert fi.name_in("sv_FI") == "Dataombudsmannens byrå"


def test_name_in_falls_back_to_the_authoritys_own_name() -> None:
    se = authorities.get("SE")
    assert se is not None
    assert se.name_in("de") == "Integritetsskyddsmyndigheten (IMY)"
    assert se.name_in("en") == "Swedish Authority for Privacy Protection (IMY)"
    dk = authorities.get("DK")
    assert dk is not None and dk.name_in("sv") == dk.name[dk.local_language]


def test_name_in_falls_back_to_the_local_name_without_english() -> None:
    by = authorities.get("DE-BY")
    assert by is not None
    assert "en" not in by.name
    assert by.name_in("sv") == "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)"
    assert by.name_in("en") == by.name["de"]


def test_name_in_with_a_made_up_entry() -> None:
    a = BuiltinAuthority(
        key="XX",
        country="XX",
        name={"fr": "Local", "de": "Deutsch"},
        url="https://example.org",
        address="1 rue X",
        note=None,
    )
    assert a.name_in("de") == "Deutsch"
    assert a.name_in("sv") == "Local"


def test_authorities_are_frozen_and_cached() -> None:
    se = authorities.get("SE")
    assert se is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        se.url = "https://example.org"  # type: ignore[misc]
    assert authorities.get("SE") is se
    assert len({se, authorities.get("SE"), authorities.get("DK")}) == 2  # hashed without names


def test_data_file_is_a_package_resource() -> None:
    resource = files("mkdocs_legal.core") / "law" / "authorities.yml"
    assert resource.is_file()
    assert "Integritetsskyddsmyndigheten" in resource.read_text(encoding="utf-8")
