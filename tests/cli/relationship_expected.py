"""Checks `parley relationship --format json` against figures worked out by hand from the fixtures.

Usage: relationship_expected.py SCENARIO FILE.json   (scenarios of check_ingest.sh)

mail-and-calendar: now = 2026-11-20T12:00Z; recurring meetings expanded over now -/+ 30 days.
  inbox.mbox (tests/data/activities/mail), owners mapped to "dana" by users.json:
    m1 2026-11-05 15:20:00Z  Marco -> Dana                      customer email
    m2 2026-11-05 16:02:41Z  Dana -> Marco, In-Reply-To m1      our email, our response to m1
    m4 2026-11-06 08:00:00Z  Marco -> Dana, In-Reply-To m2      customer email, their response to m2
    m5, m6                   automatic replies (Auto-Submitted; Polish out-of-office subject): left out
    m8 2026-11-07 07:00:00Z  newsletter from news@fabrikam.com  customer email (Precedence: bulk)
  google_export.ics (Europe/Copenhagen times), owner "anna":
    migration night 2026-10-24 23:00 CEST .. 10-25 04:00 CET = 21:00Z .. 03:00Z: 6 h, organised by
      Soren (customer-initiated)
    weekly sync, Wednesdays 09:00, organised by Anna, 30 min: 10-21 excluded (EXDATE), 10-28 moved to
      10-29 13:00 CET = 12:00Z, 11-04 cancelled, 11-11 and 11-18 at 08:00Z (past); 11-25, 12-02,
      12-09, 12-16 (scheduled)
    kickoff 12-03, offsite 12-10: scheduled; internal review and the cancelled demo: skipped
  Counted: 4 emails + 4 meetings = 8; scheduled: 4 weekly + kickoff + offsite = 6.
"""
import json
import sys

failures = []


def check(what, actual, expected, tolerance=None):
    ok = abs(actual - expected) <= tolerance if tolerance is not None and actual is not None else actual == expected
    if not ok:
        failures.append(f"{what}: {actual!r}, expected {expected!r}")


scenario, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    document = json.load(f)
kpis, health = document["kpis"], document["health"]

if scenario == "mail-and-calendar":
    check("record", document["record"], {"type": "account", "id": "fabrikam"})
    check("activities", kpis["activities"], 8)
    check("scheduled", kpis["scheduled"], 6)
    # Initiated: ours m2 + 3 weekly syncs; the customer's m1, m4, m8 + the migration night.
    check("initiated.by_us", {k: kpis["initiated"]["by_us"][k] for k in ("emails", "meetings", "phone_calls")},
          {"emails": 1, "meetings": 3, "phone_calls": 0})
    check("initiated.by_customer",
          {k: kpis["initiated"]["by_customer"][k] for k in ("emails", "meetings", "phone_calls")},
          {"emails": 3, "meetings": 1, "phone_calls": 0})
    ratio = kpis["email_ratio"]
    check("emails_by_us", ratio["emails_by_us"], 1)
    check("emails_by_customer", ratio["emails_by_customer"], 3)
    check("by_them", ratio["by_them"], 3.0, 1e-9)  # 3 / 1
    check("by_us", ratio["by_us"], 1 / 3, 1e-9)  # 1 / 3
    # Ours: m1 15:20:00 -> m2 16:02:41 = 42 min 41 s = 2561 s.
    ours = kpis["response_time_ours"]
    check("response_time_ours.responses", ours["responses"], 1)
    check("response_time_ours.median", ours["median_seconds"], 2561.0, 1e-6)
    check("response_time_ours.mean", ours["mean_seconds"], 2561.0, 1e-6)
    # Theirs: m2 16:02:41 -> m4 next day 08:00:00 = 7 h 57 min 19 s + 8 h = 57439 s.
    theirs = kpis["response_time_customer"]
    check("response_time_customer.median", theirs["median_seconds"], 57439.0, 1e-6)
    # Rates: we answered m1 of m1, m4, m8; the customer answered m2, our only email.
    check("response_rate_ours", (kpis["response_rate_ours"]["messages"], kpis["response_rate_ours"]["responded"]),
          (3, 1))
    check("response_rate_customer",
          (kpis["response_rate_customer"]["messages"], kpis["response_rate_customer"]["responded"]), (1, 1))
    check("last_interaction", kpis["last_interaction"]["activity_id"],
          "weekly-sync-fabrikam@google.com/20261118T080000Z")
    check("next_interaction", kpis["next_interaction"]["activity_id"],
          "weekly-sync-fabrikam@google.com/20261125T080000Z")
    # Top contacts: Soren 4 meetings, Marco 3 emails (m1, m2, m4), the newsletter 1; ours Anna 4
    # meetings and Dana 4 emails, Anna first by her later last contact (11-18 against 11-07).
    check("top customer", [(c["id"], c["interactions"]["total"]) for c in kpis["top_contacts_customer"]],
          [("soren.kierkegaard@fabrikam.dk", 4), ("marco.rossi@fabrikam.com", 3), ("news@fabrikam.com", 1)])
    check("top ours", [(c["id"], c["interactions"]["total"]) for c in kpis["top_contacts_ours"]],
          [("anna", 4), ("dana", 4)])
    # Time spent: each email 5 min to its writer's side, 2.5 to the reader's (one reader each);
    # the migration night 360 min and three syncs 3 x 30 min, to each side (one attendee each).
    # Ours: 2.5 + 5 + 2.5 + 2.5 + 360 + 90 = 462.5; the customer's: 5 + 2.5 + 5 + 5 + 360 + 90 = 467.5.
    check("minutes_ours", kpis["minutes_ours"], 462.5, 1e-9)
    check("minutes_customer", kpis["minutes_customer"], 467.5, 1e-9)
    # Breakdown: 60 UTC days 2026-09-22 .. 2026-11-20; days with interactions 10-24, 10-29, 11-05,
    # 11-06, 11-07, 11-11, 11-18; the longest gap 09-22 .. 10-23 = 9 + 23 = 32 days; 6 gaps.
    days = kpis["days"]
    check("days", (len(days), days[0]["date"], days[-1]["date"]), (60, "2026-09-22", "2026-11-20"))
    active = [d["date"] for d in days if any(d[k] for k in ("emails_sent", "emails_received", "meetings_sent",
                                                            "meetings_received", "calls_made", "calls_received"))]
    check("active days", active,
          ["2026-10-24", "2026-10-29", "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-11", "2026-11-18"])
    nov5 = next(d for d in days if d["date"] == "2026-11-05")
    check("2026-11-05", (nov5["emails_sent"], nov5["emails_received"], nov5["minutes_ours"], nov5["minutes_customer"]),
          (1, 1, 7.5, 7.5))
    check("longest_gap", kpis["longest_gap"], {"start_date": "2026-09-22", "days": 32})
    check("gaps", len(kpis["gaps"]), 6)
    # Health now: recency 1 (last 2.2 days ago); frequency min(1, 16 / 12) = 1 (4 meetings x 3 +
    # 4 emails in 28 days, 3 a week expected); reciprocity (3 + 3) / 16 = 0.375 -> 0.75;
    # responsiveness 1 (m2 answered in 16 h < 24 h). 30 + 30 + 15 + 20 = 95, good.
    check("health.score", health["score"], 95)
    check("health.band", health["band"], "good")
    components = {c["name"]: c["value"] for c in health["components"]}
    check("reciprocity", components["reciprocity"], 0.75, 1e-9)
    # Four weeks earlier (10-23 12:00Z) nothing had happened: responsiveness 0.5 alone, 10 points.
    # 10-30: recency 1, frequency 6 / 12, reciprocity 3 / 6 -> 1, responsiveness 0.5: 30+15+20+10 = 75.
    # 11-13: 13 weighted (frequency 1), reciprocity 6 / 13 / 0.5 = 0.923: 30+30+18.46+20 = 98.
    scores = [p["score"] for p in health["history"]]
    check("history", (len(scores), scores[0], scores[1], scores[3], scores[4]), (5, 10, 75, 98, 95))
    check("trend", health["trend"], "up")
elif scenario == "business-hours":
    check("ours business median", kpis["response_time_ours"]["business_median_seconds"], 2561.0, 1e-6)
    check("customer business median", kpis["response_time_customer"]["business_median_seconds"], 3439.0, 1e-6)
    check("customer median", kpis["response_time_customer"]["median_seconds"], 57439.0, 1e-6)
elif scenario == "seller-view":
    # Dana, a seller, sees the activities she owns: m1, m2, m4, m8 counted (m5, m6 automatic).
    check("activities", kpis["activities"], 4)
    check("scheduled", kpis["scheduled"], 0)
    check("meetings", kpis["initiated"]["by_us"]["meetings"] + kpis["initiated"]["by_customer"]["meetings"], 0)
    check("next_interaction", kpis["next_interaction"], None)
elif scenario == "bad-input":
    # good-1 (2026-12-07 09:00Z, 60 min) and good-2 (12:00Z, 30 min), both Anna's, and the call
    # (2026-11-30 10:00Z, 20 min) of activities.json: 3 counted, nothing scheduled at 12-31.
    check("activities", kpis["activities"], 3)
    check("initiated.by_us", {k: kpis["initiated"]["by_us"][k] for k in ("emails", "meetings", "phone_calls")},
          {"emails": 0, "meetings": 2, "phone_calls": 1})
    check("last_interaction", kpis["last_interaction"]["activity_id"], "good-2@contoso.com")
    # 60 + 30 + 20 minutes to each side.
    check("minutes_ours", kpis["minutes_ours"], 110.0, 1e-9)
else:
    failures.append(f"unknown scenario {scenario}")

for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
