"""The actor registry: package data coverage, look-ups, user extensions."""

import pytest

from graphkit.actors import load_registry
from graphkit.errors import ActorDataError


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def test_every_un_member_and_observer_state(reg):
    states = [a for a in reg.parties.values() if a.kind == "state"]
    assert len(states) >= 195
    for pid in ("RUS", "USA", "AFG", "PRK", "PSE", "VAT", "SSD", "TLS"):
        assert reg.party(pid).kind == "state"


def test_at_least_forty_organisations_and_key_groups(reg):
    igos = [a for a in reg.parties.values() if a.kind in ("igo", "ngo")]
    assert len(igos) >= 40
    for pid in ("NATO", "UN", "EU", "OSCE", "G7", "G20", "AU", "ASEAN", "IAEA", "WTO"):
        assert reg.party(pid) is not None, pid
    for pid in ("SYR-OPP", "FSA", "HAMAS", "HEZBOLLAH", "TALIBAN", "ISIL", "NUSRA", "HOUTHIS"):
        assert reg.party(pid).kind == "group", pid


@pytest.mark.parametrize("surface,pid", [
    ("the United States", "USA"), ("U.S.", "USA"), ("US", "USA"), ("America", "USA"),
    ("Russian", "RUS"), ("Afghan", "AFG"), ("Moscow", "RUS"), ("the Kremlin", "RUS"),
    ("Washington", "USA"), ("the Alliance", "NATO"), ("Sergey Lavrov", "RUS"),
    ("Sergei Lavrov", "RUS"), ("Free Syrian Army", "FSA"), ("Syrian opposition", "SYR-OPP"),
])
def test_resolve_surface_forms(reg, surface, pid):
    assert reg.resolve(surface, "2013-04-23") == pid


def test_lowercase_us_is_not_a_country(reg):
    assert reg.resolve("us") is None


def test_office_holder_depends_on_date(reg):
    assert reg.holder("NATO", "Secretary General", "2013-04-23").name == "Anders Fogh Rasmussen"
    assert reg.holder("NATO", "Secretary General", "2016-01-01").name == "Jens Stoltenberg"
    assert reg.holder("USA", "Secretary of State", "2013-04-23").name == "John Kerry"
    assert reg.holder("USA", "Secretary of State", "2010-01-01").name == "Hillary Clinton"


def test_officials_cover_2009_to_2025_for_key_offices(reg):
    for party, role in [("USA", "President"), ("RUS", "Foreign Minister"),
                        ("CHN", "President"), ("GBR", "Prime Minister"),
                        ("UKR", "President"), ("UN", "Secretary General")]:
        for year in range(2009, 2026):
            assert reg.holder(party, role, f"{year}-06-01") is not None, (party, role, year)


def test_user_csv_adds_parties_and_aliases(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text("id,name,kind,aliases\nWAGNER2,Wagner Two,group,W2 Group;the W2\n"
                 "RUS,Russia,state,Rossiya\n")
    reg = load_registry([f])
    assert reg.resolve("W2 Group") == "WAGNER2"
    assert reg.resolve("Rossiya") == "RUS"
    assert load_registry().resolve("Rossiya") is None    # the package registry is untouched


def test_user_csv_with_officials(tmp_path):
    f = tmp_path / "people.csv"
    f.write_text("name,party,role,start,end,aliases,surname\n"
                 "Jane Doe,FRA,Ambassador,2020-01-01,,J. Doe,Doe\n")
    assert load_registry([f]).resolve("Jane Doe", "2021-01-01") == "FRA"


def test_bad_user_csv_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("foo,bar\n1,2\n")
    with pytest.raises(ActorDataError, match="needs columns"):
        load_registry([f])


def test_generic_groups_read_as_people_not_codes():
    from graphkit.actors import load_registry
    from graphkit.graph import events_frame
    from graphkit.pipeline import actors_table

    reg = load_registry()
    assert (reg.name("AFG-CVL"), reg.name("CIV-REB")) == ("Afghan civilians", "Ivorian rebels")
    ev = events_frame([dict(event_id="e1", source="AFG-REB", target="AFG-CVL")])
    table = actors_table(reg, ev, {})
    assert dict(zip(table["id"], table["name"])) == {"AFG-CVL": "Afghan civilians",
                                                     "AFG-REB": "Afghan rebels"}
