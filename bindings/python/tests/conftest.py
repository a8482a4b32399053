"""Shared fixtures: the source tree's samples, a hand-built call, a scratch store."""
import os
from pathlib import Path

import pytest

import parley

SOURCE_DIR = Path(os.environ.get("PARLEY_SOURCE_DIR", Path(__file__).resolve().parents[3]))
SAMPLE_CALL = SOURCE_DIR / "samples" / "discovery-call.vtt"
SAMPLE_TERMS = SOURCE_DIR / "samples" / "terms.tsv"
START_MS = 1_772_445_600_000  # 2026-03-02 10:00 UTC


def build_call(call_id="built-call"):
    """Dana (seller) talks 0-30 s and 42-52 s, Sam (customer) 31-41 s.
    By hand: seller 40 000 ms, customer 10 000 ms, talk ratio 40 / 50 = 0.8, two switches,
    Dana waits 1 000 ms after Sam (patience), effective duration 52 000 ms."""
    return parley.Call.create(
        call_id,
        participants=[parley.Participant("dana", "seller", "Dana Whitfield"),
                      parley.Participant("sam", "customer", "Sam Lee")],
        segments=[("dana", 0, 30_000, "Hi Sam, thanks for joining. How is the rollout going?"),
                  ("sam", 31_000, 41_000, "It is going well, the team really likes it."),
                  ("dana", 42_000, 52_000, "Great to hear. What would you change?")],
        start_time_ms=START_MS, language="en", owner_seller_id="dana")


@pytest.fixture
def built_call():
    with build_call() as call:
        yield call


@pytest.fixture
def sample_call():
    """samples/discovery-call.vtt with roles as docs/embedding.md assigns them."""
    with parley.Call.read(SAMPLE_CALL) as call:
        call.assign_roles({"our_users": ["Dana Whitfield"], "unmatched": "customer"})
        call.set_field("id", "discovery-2026-03-02")
        call.set_field("owner_seller_id", "dana")
        call.set_times(START_MS)
        yield call


@pytest.fixture
def analyzer():
    # The sample call's seller works for Fabrikam: our own company, never an "other brand".
    with parley.Analyzer({"signals": {"our_names": ["Fabrikam"]}}, terms=parley.read_terms(SAMPLE_TERMS)) as analyzer:
        yield analyzer
