"""parley.Store and the insight pages, on behalf of viewers."""
import pytest

import parley
from conftest import START_MS, build_call

DAY_MS = 86_400_000
ADMIN = parley.Viewer.administrator("admin")
USERS = [
    {"id": "admin", "display_name": "Admin", "email": "", "role": "administrator", "manager_id": "", "time_zone": ""},
    {"id": "maria", "display_name": "Maria Lind", "email": "", "role": "manager", "manager_id": "",
     "time_zone": "Europe/Stockholm"},
    {"id": "dana", "display_name": "Dana Whitfield", "email": "", "role": "seller", "manager_id": "maria",
     "time_zone": ""},
    {"id": "omar", "display_name": "Omar Haddad", "email": "", "role": "seller", "manager_id": "maria",
     "time_zone": ""},
]
INSIGHTS = {"period": {"kind": "all_time", "time_zone": "Europe/Stockholm"}, "now_utc_ms": START_MS + DAY_MS}


@pytest.fixture
def store(tmp_path):
    with parley.Store(tmp_path / "crm.db") as store:
        store.put_users(ADMIN, USERS)
        yield store


@pytest.fixture
def stored(store, sample_call, analyzer):
    with analyzer.analyze(sample_call) as analysis:
        store.ingest(ADMIN, [sample_call], [analysis], now_ms=START_MS + DAY_MS)
    return store


def test_viewer_constructors():
    assert parley.Viewer.seller("dana") == parley.Viewer("dana", "seller", parley.UNLIMITED_DEPTH)
    assert parley.Viewer.manager("maria", 1) == parley.Viewer("maria", "manager", 1)
    assert parley.Viewer.administrator("admin").kind == "administrator"


def test_users_round_trip(store):
    users = store.users(ADMIN)
    assert sorted(user["id"] for user in users) == ["admin", "dana", "maria", "omar"]
    assert store.user(ADMIN, "dana")["manager_id"] == "maria"
    with pytest.raises(parley.NotFoundError):
        store.user(ADMIN, "nobody")


def test_an_ingested_call_is_summarised_and_loaded_back(stored):
    summaries = stored.call_summaries(ADMIN)
    assert [s["id"] for s in summaries] == ["discovery-2026-03-02"]
    assert [s["id"] for s in stored.calls(ADMIN, seller_ids=["dana"])] == ["discovery-2026-03-02"]
    assert list(stored.calls(ADMIN, seller_ids=["omar"])) == []
    call, record = stored.load_call(ADMIN, "discovery-2026-03-02")
    with call:
        assert call.info.participant_count == 2
    assert record["metrics"]["talk_ratio"] == pytest.approx(summaries[0]["metrics"]["talk_ratio"])


def test_a_seller_sees_only_their_own_calls(stored):
    assert len(stored.call_summaries(parley.Viewer.seller("dana"))) == 1
    assert len(stored.call_summaries(parley.Viewer.seller("omar"))) == 0
    with pytest.raises(parley.NotPermittedError) as caught:
        stored.load_call(parley.Viewer.seller("omar"), "discovery-2026-03-02")
    assert caught.value.status_name == "not_permitted"


def test_term_queries_agree_with_the_calls_analysis(stored, sample_call, analyzer):
    with analyzer.analyze(sample_call) as analysis:
        by_analysis = {count.name: count for count in analysis.term_counts}
    counts = {row["term"]: row for row in stored.term_counts(ADMIN)}
    assert {name: row["mentions"] for name, row in counts.items()} == {
        name: count.total for name, count in by_analysis.items()}
    assert counts["Contoso 360"] == {"calls": 1, "kind": "competitor", "mentions": 1, "term": "Contoso 360"}
    assert counts["renew"]["mentions"] == 2  # "renewals", twice
    by_customer = {row["term"]: row["mentions"] for row in stored.term_counts(ADMIN, role="customer")}
    assert by_customer == {name: count.by_customer for name, count in by_analysis.items() if count.by_customer}
    hits = stored.term_hits(ADMIN)
    assert len(hits) == sum(count.total for count in by_analysis.values())
    assert {hit["call_id"] for hit in hits} == {"discovery-2026-03-02"}
    assert list(stored.brand_mentions(ADMIN)) == []  # the sample names no brand of ours
    assert list(stored.brand_first_mentions(ADMIN)) == []


def test_aggregates(stored):
    assert stored.call_span(ADMIN) == {"calls": 1, "first_start_ms": START_MS, "last_start_ms": START_MS}
    assert stored.call_span(ADMIN, seller_ids=["omar"])["calls"] == 0
    (bucket,) = stored.call_totals(ADMIN, bucket_edges=[START_MS - DAY_MS, START_MS + DAY_MS])
    assert (bucket["bucket"], bucket["calls"], bucket["duration_ms"]) == (0, 1, 233_000)  # ends at 3:53
    assert bucket["calls_with_competitors"] == 1
    mentions = stored.mention_totals(ADMIN, bucket_edges=[START_MS - DAY_MS, START_MS + DAY_MS], recent_calls=5)
    contoso = [s for s in mentions["subjects"] if s["name"] == "Contoso 360"]
    assert contoso and contoso[0]["recent_call_ids"] == ["discovery-2026-03-02"]
    assert list(stored.activity_totals(ADMIN)) == []  # no activities stored


def test_term_lists(store):
    terms = parley.parse_terms("keyword\tpilot\t\torganisation\n", "pilot.tsv")
    store.put_term_list(ADMIN, {"id": "core", "name": "Core", "scope": {"level": "organisation"}, "terms": terms})
    assert [lst["id"] for lst in store.term_lists(ADMIN)] == ["core"]
    assert [term["name"] for term in store.terms_for_seller(ADMIN, "dana")] == ["pilot"]
    store.delete_term_list(ADMIN, "core")
    assert list(store.term_lists(ADMIN)) == []


def test_comments(stored):
    dana = parley.Viewer.seller("dana")
    comment_id = stored.add_comment(ADMIN, {"call_id": "discovery-2026-03-02", "offset_ms": 5_000, "segment_index": 1,
                                            "text": "Good opener", "created_ms": START_MS + DAY_MS})
    assert comment_id
    comments = stored.comments_for_call(dana, "discovery-2026-03-02")
    assert [c["text"] for c in comments] == ["Good opener"]
    assert len(stored.comments_for_seller(ADMIN, "dana", START_MS - DAY_MS, START_MS + 2 * DAY_MS)) == 1
    stored.delete_comment(ADMIN, comment_id)
    assert list(stored.comments_for_call(ADMIN, "discovery-2026-03-02")) == []


def test_crm_records(store):
    store.put_opportunities(ADMIN, [{"id": "opp-1", "owner_id": "dana", "account_id": "northwind",
                                     "name": "Renewals", "estimated_revenue": 48000, "currency": "EUR",
                                     "created_ms": START_MS}])
    (opportunity,) = store.opportunities(ADMIN, account_id="northwind")
    assert (opportunity["id"], opportunity["estimated_revenue"]) == ("opp-1", 48000)
    assert list(store.opportunities(ADMIN, account_id="elsewhere")) == []
    store.put_activities(ADMIN, [{"id": "act-1", "type": "email", "direction": "sent", "owner_id": "dana",
                                  "timestamp_ms": START_MS, "subject": "Next steps"}])
    (activity,) = store.activities(ADMIN, owner_ids=["dana"])
    assert (activity["id"], activity["subject"]) == ("act-1", "Next steps")
    assert store.activity_totals(ADMIN, owner_ids=["dana"]) is not None


def test_retention_and_deletion(stored):
    stored.set_retention(ADMIN, {"scope": {"level": "organisation"}, "days": 30})
    assert len(stored.retention_policies(ADMIN)) == 1
    report = stored.purge_expired(ADMIN, now_ms=START_MS + 10 * DAY_MS)
    assert report["calls_deleted"] == 0
    report = stored.purge_expired(ADMIN, now_ms=START_MS + 40 * DAY_MS)
    assert report["calls_deleted"] == 1
    stored.clear_retention(ADMIN, {"level": "organisation"})
    assert list(stored.retention_policies(ADMIN)) == []
    assert stored.delete_seller_data(ADMIN, "dana")["calls_deleted"] == 0  # purged already
    assert stored.delete_contact_data(ADMIN, "nobody")["calls_deleted"] == 0


def test_processing_log(stored):
    stored.log_processing(ADMIN, {"call_id": "late", "seller_id": "dana", "status": "failed", "reason": "no audio",
                                  "at_ms": START_MS + DAY_MS})
    events = stored.processing_events(ADMIN, START_MS, START_MS + 2 * DAY_MS)
    assert sorted(e["status"] for e in events) == ["analysed", "failed"]
    summary = stored.processing_summary(ADMIN, START_MS, START_MS + 2 * DAY_MS)
    assert (summary["received"], summary["analysed"], summary["failed"]) == (2, 1, 1)
    counts = stored.processing_counts(ADMIN, INSIGHTS)
    assert (counts["analysed"], counts["failed"]) == (1, 1)


def test_the_home_page_shows_the_call_as_the_embedding_example_does(stored):
    text = stored.home_page(parley.Viewer.manager("maria"), INSIGHTS, "maria", format="text")
    assert "Calls recorded" in text
    import re
    assert re.search(r"Calls recorded +1 ", text)
    assert re.search(r"Hours recorded +0\.1 ", text)
    page = stored.home_page(parley.Viewer.manager("maria"), INSIGHTS, "maria")
    assert isinstance(page, dict)


def test_seller_and_team_pages(stored):
    page = stored.seller_details(ADMIN, "dana", INSIGHTS)
    assert [call["id"] for call in page["call_history"]] == ["discovery-2026-03-02"]
    assert "Dana Whitfield" in stored.seller_details(ADMIN, "dana", INSIGHTS, format="text")
    team = stored.team_view(parley.Viewer.manager("maria"), INSIGHTS)
    kpis = {member["seller"]["id"]: member["kpis"] for member in team["members"]}
    assert kpis["dana"]["calls"] == 1 and kpis["dana"]["recorded_ms"] == 233_000
    with pytest.raises(parley.NotPermittedError):
        stored.seller_details(parley.Viewer.seller("omar"), "dana", INSIGHTS)


def test_call_summaries_as_a_data_frame(stored):
    pandas = pytest.importorskip("pandas")
    frame = stored.call_summaries(ADMIN).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["id"]) == ["discovery-2026-03-02"]
    assert "metrics.talk_ratio" in frame.columns


def test_to_pandas_without_pandas_says_so(stored, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="needs pandas"):
        stored.call_summaries(ADMIN).to_pandas()


def test_ingest_refuses_mismatched_lists(store, built_call):
    with pytest.raises(ValueError):
        store.ingest(ADMIN, [built_call], [])


def test_the_store_closes_with_its_block(tmp_path):
    with parley.Store(tmp_path / "x.db") as store:
        pass
    assert store.closed
    with pytest.raises(ValueError, match="closed"):
        store.users(ADMIN)


def test_ingesting_a_built_call(store, analyzer):
    with build_call("built-1") as call, analyzer.analyze(call) as analysis:
        store.ingest(ADMIN, [call], [analysis], now_ms=START_MS + DAY_MS)
    (summary,) = store.call_summaries(ADMIN)
    assert summary["metrics"]["talk_ratio"] == pytest.approx(0.8)
    assert summary["metrics"]["seller_talk_ms"] == 40_000


def test_relationship_of_an_account(store):
    # Marco writes to Dana on day 1 at 09:00; Dana answers at 11:00 (our response: 7,200 s); Dana
    # writes again on day 2 without an answer. Now = day 3.
    def email(activity_id, direction, initiator, hours, in_reply_to=""):
        return {"id": activity_id, "type": "email", "direction": direction, "owner_id": "dana",
                "initiator_id": initiator, "our_side": [{"id": "dana"}], "customer_side": [{"id": "marco"}],
                "timestamp_ms": START_MS + hours * 3_600_000, "subject": "Pricing",
                "message_id": activity_id + "@mail", "in_reply_to": in_reply_to, "account_id": "northwind"}
    store.put_activities(ADMIN, [email("e1", "received", "marco", 24), email("e2", "sent", "dana", 26, "e1@mail"),
                                 email("e3", "sent", "dana", 48)])
    result = store.relationship(ADMIN, START_MS + 72 * 3_600_000, account_id="northwind", options={"breakdown_days": 5})
    kpis = result["kpis"]
    assert kpis["activities"] == 3
    assert kpis["response_time_ours"]["mean_seconds"] == 7200.0
    assert (kpis["response_rate_ours"]["rate"], kpis["response_rate_customer"]["rate"]) == (1.0, 0.0)
    assert kpis["last_interaction"]["activity_id"] == "e3"
    assert len(kpis["days"]) == 5
    assert 0 <= result["health"]["score"] <= 100
    with pytest.raises(parley.ParseError):
        store.relationship(ADMIN, 0, options={"business_hours": {"working_days": [True]}})


def test_similar_won_opportunities(store):
    # Dana's won deals o-w1 (10 days, 1000) and o-w2 (30 days, 3000), no activities; the open o-open
    # (created START_MS, now = START_MS + 19.5 days, estimate 5000). Duration: mean 20, sd 10; amount:
    # mean 2000, sd 1000; every other column the same (left out). z(open) = (-0.05, 3),
    # z(w1) = (-1, -1), z(w2) = (1, 1): d(w2)^2 = 1.05^2 + 2^2 = 5.1025, d(w1)^2 = 0.95^2 + 4^2 = 16.9025.
    def opportunity(opportunity_id, status, days, estimated, actual):
        return {"id": opportunity_id, "name": opportunity_id, "account_id": "northwind", "owner_id": "dana",
                "status": status, "estimated_revenue": estimated, "actual_revenue": actual,
                "created_ms": START_MS, "closed_ms": None if days is None else START_MS + days * DAY_MS}
    store.put_opportunities(ADMIN, [opportunity("o-open", "open", None, 5000, 0),
                                    opportunity("o-w1", "won", 10, 900, 1000),
                                    opportunity("o-w2", "won", 30, 2500, 3000)])
    now = START_MS + int(19.5 * DAY_MS)
    result = store.similar_won(ADMIN, "o-open", now, k=5)
    assert result["used_won_deals"] == 2
    assert [deal["opportunity_id"] for deal in result["similar"]] == ["o-w2", "o-w1"]
    assert result["similar"][0]["distance"] == pytest.approx(5.1025 ** 0.5)
    assert result["similar"][1]["distance"] == pytest.approx(16.9025 ** 0.5)
    assert result["similar"][1]["features"]["amount"] == 1000.0
    assert {item["feature"] for item in result["left_out"]} == {
        "emails", "meetings", "phone_calls", "hours_spent", "response_hours_ours", "response_rate_customer"}
    assert len(store.similar_won(ADMIN, "o-open", now, k=1)["similar"]) == 1
    with pytest.raises(parley.NotFoundError):
        store.similar_won(ADMIN, "o-missing", now)
    with pytest.raises(parley.InvalidArgumentError):
        store.similar_won(ADMIN, "o-w1", now)
    with pytest.raises(parley.InvalidArgumentError):
        store.similar_won(ADMIN, "o-open", now, options={"time_zone": "Mars/Base"})
