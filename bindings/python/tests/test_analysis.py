"""parley.Analyzer and parley.Analysis: figures computed by hand, batches, threads."""
import math
import threading

import pytest

import parley
from conftest import SAMPLE_TERMS, build_call


def test_the_metrics_of_a_built_call_are_the_hand_computed_ones(built_call):
    with parley.Analyzer() as analyzer, analyzer.analyze(built_call) as analysis:
        metrics = analysis.metrics
    assert metrics.duration_ms == 52_000
    assert metrics.seller_talk_ms == 40_000
    assert metrics.customer_talk_ms == 10_000
    assert metrics.talk_ratio == pytest.approx(0.8)
    assert metrics.switches == 2
    assert metrics.switch_rate_per_hour == pytest.approx(2 / (52_000 / 3_600_000))
    assert metrics.patience_ms == pytest.approx(1_000)
    assert metrics.seller_longest_monologue_ms == 30_000
    assert metrics.customer_longest_monologue_ms == 10_000
    assert metrics.seller_questions == 2  # "How is the rollout going?", "What would you change?"
    assert metrics.customer_questions == 0
    assert metrics.interactivity == pytest.approx(10 * (2 / (52_000 / 60_000)) / 6)
    assert metrics.interruptions == 0


def test_a_figure_that_does_not_apply_is_none():
    with parley.Call.create("seller-only", participants=[("dana", "seller")],
                            segments=[(0, 0, 5_000, "Just me talking today.")], start_time_ms=1) as call:
        with parley.Analyzer() as analyzer, analyzer.analyze(call) as analysis:
            metrics = analysis.metrics
    assert metrics.patience_ms is None  # no customer turn, no hand-over
    assert metrics.customer_words_per_minute is None or metrics.customer_words_per_minute == 0
    assert not any(isinstance(v, float) and math.isnan(v) for v in metrics.to_dict().values())


def test_sentiment_of_a_built_call(built_call):
    with parley.Analyzer() as analyzer, analyzer.analyze(built_call) as analysis:
        sentiment = analysis.sentiment
    assert sentiment.has_sentiment
    assert sentiment.customer.label == "positive"  # "going well, the team really likes it"
    assert sentiment.customer.score > 0
    assert sentiment.customer.segments == 1
    assert sentiment.customer.words == 9
    assert len(sentiment.customer_trajectory) == 3


def test_term_counts_follow_the_analyzers_terms(sample_call, analyzer):
    with analyzer.analyze(sample_call) as analysis:
        counts = {count.name: count for count in analysis.term_counts}
    contoso = counts["Contoso 360"]
    assert contoso.kind == "competitor"
    assert (contoso.total, contoso.by_seller, contoso.by_customer, contoso.by_other) == (1, 0, 1, 0)
    assert counts["renew"].kind == "keyword"
    assert counts["renew"].total >= 2  # "renewals" twice, related forms on


def test_the_analysis_json_is_the_command_line_document(built_call):
    with parley.Analyzer() as analyzer, analyzer.analyze(built_call) as analysis:
        document = analysis.to_dict()
        assert analysis.json.startswith("{")
    assert document["call_id"] == "built-call"
    assert document["timing"]["talk_ratio"] == pytest.approx(0.8)


def test_terms_from_text_and_file_agree():
    text = SAMPLE_TERMS.read_text(encoding="utf-8")
    assert parley.parse_terms(text, "terms.tsv") == parley.read_terms(SAMPLE_TERMS)
    names = [term["name"] for term in parley.read_terms(SAMPLE_TERMS)]
    assert names[:2] == ["Contoso 360", "Litware"]


def test_a_bad_term_list_names_its_line():
    with pytest.raises(parley.ParseError) as caught:
        parley.parse_terms("keyword\n", "mine.tsv")
    assert "mine.tsv" in caught.value.message


def _fingerprint(analysis):
    return analysis.metrics, analysis.sentiment, list(analysis.term_counts)


def test_a_batch_gives_what_one_by_one_gives(analyzer):
    calls = [build_call(f"call-{i}") for i in range(6)]
    try:
        singles = [analyzer.analyze(call) for call in calls]
        batch = analyzer.analyze_batch(calls, threads=2)
        assert [_fingerprint(a) for a in batch] == [_fingerprint(a) for a in singles]
    finally:
        for handle in calls + singles + batch:
            handle.close()


def test_a_failing_call_in_a_batch_raises_naming_its_index(analyzer, built_call):
    with parley.Call.create("empty-times") as bad:
        bad.add_participant(id="x", role="seller")
        bad.add_segments([(0, 5_000, 1_000, "ends before it starts")])
        with pytest.raises(parley.ParleyError) as caught:
            analyzer.analyze_batch([built_call, bad])
    assert "1" in caught.value.message


def test_two_threads_sharing_one_analyzer_give_the_one_thread_results(sample_call, analyzer):
    with analyzer.analyze(sample_call) as alone:
        expected = _fingerprint(alone)
    results, errors = [], []

    def work():
        try:
            for _ in range(20):
                with analyzer.analyze(sample_call) as analysis:
                    results.append(_fingerprint(analysis))
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 40
    assert all(result == expected for result in results)


def test_analyzer_closes_with_its_block(built_call):
    with parley.Analyzer() as analyzer:
        pass
    with pytest.raises(ValueError, match="closed"):
        analyzer.analyze(built_call)


def _cue_talk_ms(path):
    """Talk per speaker read off the WebVTT file itself: the sum of each speaker's cue lengths."""
    import re
    talk = {}
    stamp = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"
    cues = re.findall(stamp + r" --> " + stamp + r"\s*\n<v ([^>]+)>", path.read_text(encoding="utf-8"))
    for cue in cues:
        h1, m1, s1, ms1, h2, m2, s2, ms2, speaker = cue
        start = ((int(h1) * 60 + int(m1)) * 60 + int(s1)) * 1000 + int(ms1)
        end = ((int(h2) * 60 + int(m2)) * 60 + int(s2)) * 1000 + int(ms2)
        talk[speaker] = talk.get(speaker, 0) + end - start
    return talk, end


def test_the_sample_vtt_gives_the_talk_its_cues_add_up_to(sample_call, analyzer):
    from conftest import SAMPLE_CALL
    talk, last_end = _cue_talk_ms(SAMPLE_CALL)
    with analyzer.analyze(sample_call) as analysis:
        metrics = analysis.metrics
    assert metrics.seller_talk_ms == talk["Dana Whitfield"]
    assert metrics.customer_talk_ms == talk["Marco Rossi"]
    assert metrics.talk_ratio == pytest.approx(talk["Dana Whitfield"] / (talk["Dana Whitfield"] + talk["Marco Rossi"]))
    assert metrics.duration_ms == last_end == 233_000  # the call ends at 3:53


def test_term_counts_as_a_data_frame(sample_call, analyzer):
    pandas = pytest.importorskip("pandas")
    with analyzer.analyze(sample_call) as analysis:
        frame = analysis.term_counts.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["name", "kind", "total", "by_seller", "by_customer", "by_other"]
    assert frame.set_index("name").loc["Contoso 360", "by_customer"] == 1


def test_a_missing_term_file_is_an_io_error(tmp_path):
    with pytest.raises(parley.IoError) as caught:
        parley.read_terms(tmp_path / "none.tsv")
    assert "none.tsv" in caught.value.message


def test_our_names_are_never_brands_and_action_items_carry_owner_and_due():
    # 2026-03-04 10:00 UTC is a Wednesday: "by Friday" is 2026-03-06.
    segments = [("dana", 0, 5_000, "We moved from Brightwave to Salesforce last year, and Zendesk helps."),
                ("dana", 6_000, 9_000, "I'll send you the proposal by Friday."),
                ("sam", 10_000, 14_000, "Could you share the pricing with my team?")]
    with parley.Call.create("signals", participants=[parley.Participant("dana", "seller", "Dana Whitfield"),
                                                       parley.Participant("sam", "customer", "Sam Lee")],
                            segments=segments, start_time_ms=1_772_618_400_000, language="en") as call:
        with parley.Analyzer({"signals": {"our_names": ["Brightwave Solutions", "Brightwave"]}}) as analyzer, \
                analyzer.analyze(call) as analysis:
            signals = analysis.to_dict()["signals"]
    assert sorted(b["key"] for b in signals["brands"]) == ["salesforce", "zendesk"]
    items = [(a["segment"], a["owner"], a["due_date"]) for a in signals["action_items"]]
    assert items == [(1, "speaker", "2026-03-06"), (2, "other_side", "")]
