"""parley.read_activities_csv / _json and read_opportunities_csv / _json (and their parse_ forms):
a CRM's exports into the records a Store takes (docs/crm-input.md)."""
import pytest

import parley
from conftest import SOURCE_DIR

CRM_DIR = SOURCE_DIR / "tests" / "data" / "activities" / "crm"


def test_csv_activities_equal_their_json_form():
    csv = parley.read_activities_csv(CRM_DIR / "activities.csv")
    json = parley.read_activities_json(CRM_DIR / "activities.json")
    assert csv.errors == [] and json.errors == []
    assert list(csv.activities) == list(json.activities)
    mail = csv.activities[0]
    # As written in the files: a quoted cell with a comma and doubled quotes, escaped ';' and '|'.
    assert mail["subject"] == 'Quote, "final" – 5% off'
    assert mail["customer_side"][0]["display_name"] == "Zoë Ångström; Procurement|EU"
    assert [e["kind"] for e in mail["engagement"]] == ["opened", "link_clicked"]
    assert csv.activities[1]["subject"] == "Pilot review\nAgenda: pricing, rollout"


def test_a_malformed_row_names_line_and_column_and_the_rest_is_read():
    text = "id,type,timestamp_ms\na-1,email,1796634000000\na-2,fax,1\na-3,meeting,soon\n"
    result = parley.parse_activities_csv(text, "acts.csv", linking={"account_id": "acme"})
    assert [a["id"] for a in result.activities] == ["a-1"]
    assert result.activities[0]["account_id"] == "acme"  # the host's record fills an empty link
    assert [(e.file, e.where) for e in result.errors] == [("acts.csv", "line 3, column type"),
                                                         ("acts.csv", "line 4, column timestamp_ms")]
    assert result.errors[1].message == 'expected an integer, found "soon"'
    broken = parley.parse_activities_json('[{"id": "a-1"}, {"id": "a-2", "tracked": "yes"}]', "a.json")
    assert [a["id"] for a in broken.activities] == ["a-1"]
    assert broken.errors[0].where == "[1].tracked"


def test_opportunities_in_both_forms():
    csv = parley.read_opportunities_csv(CRM_DIR / "opportunities.csv")
    json = parley.read_opportunities_json(CRM_DIR / "opportunities.json")
    assert csv.errors == [] and list(csv.opportunities) == list(json.opportunities)
    assert csv.opportunities[0]["estimated_revenue"] == 12500.5
    assert csv.opportunities[1]["closed_ms"] is None
    header_only = parley.parse_opportunities_csv(b"\xef\xbb\xbfid,name\r\n", "o.csv")
    assert list(header_only.opportunities) == [] and header_only.errors == []
    (error,) = parley.parse_opportunities_json("[1,", "o.json").errors
    assert (error.file, error.where) == ("o.json", "line 1, column 4")
    with pytest.raises(parley.IoError):
        parley.read_opportunities_csv(CRM_DIR / "no-such-file.csv")


def test_read_records_go_into_a_store(tmp_path):
    admin = parley.Viewer.administrator("admin")
    with parley.Store(tmp_path / "crm.db") as store:
        store.put_users(admin, [{"id": "admin", "role": "administrator"}, {"id": "dana", "role": "seller"},
                                {"id": "anna", "role": "seller"}])
        store.put_opportunities(admin, list(parley.read_opportunities_csv(CRM_DIR / "opportunities.csv").opportunities))
        store.put_activities(admin, list(parley.read_activities_csv(CRM_DIR / "activities.csv").activities))
        assert sorted(o["id"] for o in store.opportunities(admin)) == ["opp-7", "opp-8"]
        assert sorted(a["id"] for a in store.activities(admin)) == ["m-101", "mt-5", "pc-9"]
