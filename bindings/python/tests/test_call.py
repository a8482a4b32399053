"""parley.Call: read, parse, create, change, inspect, close."""
import pytest

import parley
from conftest import SAMPLE_CALL, START_MS, build_call

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ann>Hello there, how are you?

00:00:05.000 --> 00:00:07.500
<v Bob>Fine, thanks.
"""


def test_a_built_call_has_what_it_was_given(built_call):
    info = built_call.info
    assert info == parley.CallInfo(id="built-call", language="en", start_time_ms=START_MS, duration_ms=0,
                                   effective_duration_ms=52_000, participant_count=2, segment_count=3,
                                   warning_count=0)
    document = built_call.to_dict()
    assert [p["id"] for p in document["participants"]] == ["dana", "sam"]
    assert [p["role"] for p in document["participants"]] == ["seller", "customer"]
    assert document["segments"][1]["text"] == "It is going well, the team really likes it."


def test_parse_reads_a_transcript_from_memory_with_its_source_name():
    with parley.Call.parse(VTT, format="webvtt", source_name="memo.vtt") as call:
        info = call.info
        assert (info.participant_count, info.segment_count, info.effective_duration_ms) == (2, 2, 7_500)
        assert info.id == "memo"


def test_read_options_reach_the_reader():
    with parley.Call.read(SAMPLE_CALL, call_id="chosen-id") as call:
        assert call.id == "chosen-id"
        assert call.info.participant_count == 2


def test_read_detects_the_format_and_names_the_call_after_the_file():
    with parley.Call.read(SAMPLE_CALL) as call:
        assert call.id == "discovery-call"
        assert call.warnings == []
        roles = {p["id"]: p["role"] for p in call.to_dict()["participants"]}
        assert roles == {"Dana Whitfield": "other", "Marco Rossi": "other"}


def test_assign_roles_returns_the_speakers_no_rule_matched():
    with parley.Call.read(SAMPLE_CALL) as call:
        unmatched = call.assign_roles({"our_users": ["Dana Whitfield"], "unmatched": "customer"})
        assert unmatched == ["Marco Rossi"]
        roles = {p["id"]: p["role"] for p in call.to_dict()["participants"]}
        assert roles == {"Dana Whitfield": "seller", "Marco Rossi": "customer"}


def test_set_role_and_fields_change_the_call(built_call):
    built_call.set_role("sam", parley.Role.OTHER)
    built_call.set_field(parley.CallField.ACCOUNT_ID, "acme")
    built_call.set_field("opportunity_id", "opp-7")
    document = built_call.to_dict()
    assert document["participants"][1]["role"] == "other"
    assert document["account_id"] == "acme"
    assert document["opportunity_id"] == "opp-7"


def test_set_role_of_an_unknown_participant_is_not_found(built_call):
    with pytest.raises(parley.NotFoundError) as caught:
        built_call.set_role("nobody", "customer")
    assert "nobody" in caught.value.message


def test_a_duplicate_participant_is_refused(built_call):
    with pytest.raises(parley.InvalidArgumentError):
        built_call.add_participant(id="dana", role="seller")


def test_add_participant_returns_its_index_and_segments_may_name_it(built_call):
    assert built_call.add_participant(id="lee", role="other") == 2
    built_call.add_segments([parley.Segment("lee", 53_000, 54_000, "Bye.", 0.9)])
    assert built_call.info.segment_count == 4
    assert built_call.to_dict()["segments"][3]["speaker"] in (2, "lee")


def test_set_words_gives_a_segment_its_word_timings(built_call):
    built_call.set_words(1, [(31_000, 31_400, "It"), parley.Word(31_500, 31_900, "is", 0.8)])
    segment = built_call.to_dict()["segments"][1]
    assert [w["text"] for w in segment["words"]] == ["It", "is"]


def test_an_unknown_speaker_name_is_refused_before_the_library(built_call):
    with pytest.raises(ValueError, match="'zoe'"):
        built_call.add_segments([("zoe", 0, 1, "hi")])


def test_the_context_manager_closes_the_handle():
    with build_call() as call:
        assert not call.closed
    assert call.closed
    with pytest.raises(ValueError, match="closed"):
        call.info
    call.close()  # closing twice is harmless


def test_invalid_utf8_is_refused_or_replaced_as_asked():
    content = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>caf\xe9\n"
    with pytest.raises(parley.InvalidUtf8Error):
        parley.Call.parse(content, format="webvtt", source_name="latin1.vtt")
    with parley.Call.parse(content, format="webvtt", source_name="latin1.vtt", invalid_utf8="replace") as call:
        assert call.to_dict()["segments"][0]["text"] == "caf\ufffd"
        assert call.info.warning_count == len(call.warnings) >= 1


def test_participants_lists_the_speakers_in_index_order(built_call):
    built_call.add_participant(id="lee", role="other", crm_id="crm-42")
    assert built_call.participants == [parley.Participant("dana", "seller", "Dana Whitfield", ""),
                                       parley.Participant("sam", "customer", "Sam Lee", ""),
                                       parley.Participant("lee", "other", "lee", "crm-42")]


def test_participants_of_a_read_call_are_its_speakers_with_the_roles_assigned():
    with parley.Call.read(SAMPLE_CALL) as call:
        assert [(p.id, p.display_name, p.role) for p in call.participants] == [
            ("Dana Whitfield", "Dana Whitfield", "other"), ("Marco Rossi", "Marco Rossi", "other")]
        call.assign_roles({"our_users": ["Dana Whitfield"], "unmatched": "customer"})
        assert [p.role for p in call.participants] == ["seller", "customer"]


def test_participants_keep_non_ascii_names_and_a_closed_call_has_none():
    call = parley.Call.create("c", participants=[parley.Participant("José Núñez", "customer")])
    assert call.participants == [parley.Participant("José Núñez", "customer", "José Núñez", "")]
    call.close()
    with pytest.raises(ValueError):
        call.participants
