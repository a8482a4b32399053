"""parley.read_mail / parse_mail / read_calendar / parse_calendar: real mail and calendars into the
activities a Store takes."""
import pytest

import parley
from conftest import SOURCE_DIR

MAIL_DIR = SOURCE_DIR / "tests" / "data" / "activities" / "mail"
OURS = {"domains": ["contoso.com"]}

# One meeting organised by Dana with Marco, 2026-12-07 09:00-09:45 UTC: day 20,794 since 1970
# (20,454 days to 2026-01-01, plus 340), so 20,794 x 86,400,000 + 9 h = 1,796,634,000,000 ms.
MEETING = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:m-1\r\n"
           "DTSTAMP:20261201T000000Z\r\nDTSTART:20261207T090000Z\r\nDTEND:20261207T094500Z\r\n"
           "SUMMARY:Pilot review\r\nORGANIZER;CN=Dana Berg:mailto:dana@contoso.com\r\n"
           "ATTENDEE;CN=Marco Rossi:mailto:marco.rossi@fabrikam.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def test_a_mail_file_with_our_side_and_links():
    result = parley.read_mail(MAIL_DIR / "multipart-attachment.eml", our_side=OURS,
                              linking={"ids_by_email": {"dana@contoso.com": "dana"},
                                       "account_from_customer_domain": True})
    assert result.errors == [] and result.skipped == 0
    (mail,) = result.activities
    # From Marco (theirs) to Dana, Date: Tue, 03 Nov 2026 14:05:09 +0200 = 12:05:09 UTC.
    assert (mail["id"], mail["direction"], mail["owner_id"]) == ("CAF3k2mR9.7301@mail.fabrikam.com", "received", "dana")
    assert mail["timestamp_ms"] == 1_793_707_509_000
    assert mail["account_id"] == "fabrikam.com"
    assert mail["attachment_count"] == 1  # order-form-signed.pdf; the two alternative bodies are not


def test_a_calendar_in_memory():
    result = parley.parse_calendar(MEETING, "cal.ics", our_side=OURS,
                                   linking={"ids_by_email": {"dana@contoso.com": "dana"}})
    (meeting,) = result.activities
    assert (meeting["type"], meeting["direction"], meeting["initiator_id"]) == ("meeting", "sent", "dana")
    assert (meeting["timestamp_ms"], meeting["duration_ms"]) == (1_796_634_000_000, 45 * 60_000)


def test_read_activities_go_into_a_store(tmp_path):
    admin = parley.Viewer.administrator("admin")
    with parley.Store(tmp_path / "crm.db") as store:
        store.put_users(admin, [{"id": "admin", "role": "administrator"},
                                {"id": "dana", "display_name": "Dana Berg", "role": "seller"}])
        read = parley.parse_calendar(MEETING, our_side=OURS, linking={"ids_by_email": {"dana@contoso.com": "dana"}})
        store.put_activities(admin, list(read.activities))
        (stored,) = store.activities(admin, owner_ids=["dana"])
        assert (stored["id"], stored["subject"]) == ("m-1", "Pilot review")


def test_nobody_of_ours_is_skipped_and_a_broken_event_is_an_error():
    assert parley.parse_calendar(MEETING).skipped == 1  # no our_side: nobody is ours
    broken = MEETING.replace("DTSTART:20261207T090000Z", "DTSTART:2026120")
    result = parley.parse_calendar(broken, "broken.ics", our_side=OURS)
    assert result.activities == []
    assert result.errors == [parley.ActivityReadError("broken.ics", "VEVENT 1 (line 4)", result.errors[0].message)]
    assert "DTSTART" in result.errors[0].message


def test_mail_from_memory_and_bad_options():
    message = ("Message-ID: <a@fabrikam.com>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n"
               "From: marco.rossi@fabrikam.com\r\nTo: dana@contoso.com\r\nSubject: Hello\r\n\r\nHi\r\n")
    (mail,) = parley.parse_mail(message, "inbox", our_side=OURS).activities
    assert mail["timestamp_ms"] == 1_796_637_600_000  # day 20,794 + 10 h
    with pytest.raises(parley.ParseError) as caught:
        parley.parse_mail(message, our_side={"domain": []})
    assert "unknown member 'domain'" in caught.value.message
    with pytest.raises(parley.IoError):
        parley.read_calendar(MAIL_DIR / "no-such-file.ics")
