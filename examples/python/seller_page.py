#!/usr/bin/env python3
"""Analyses every transcript in a folder into a parley store and prints a seller's page.

    python3 seller_page.py FOLDER DATABASE [SELLER_ID]

FOLDER holds call transcripts (.vtt, .srt, .rttm, .json) of the sellers in users.json (beside this
file) and, if the team tracks terms, terms.tsv (docs/terms.md). DATABASE is an SQLite file, created
if missing; running again replaces the calls. SELLER_ID defaults to the first seller in users.json.
    python3 examples/python/seller_page.py samples /tmp/parley-example.db
"""
import json
import sys
from contextlib import ExitStack
from pathlib import Path

import parley

TRANSCRIPTS = {".vtt", ".srt", ".rttm", ".json"}


def main(folder, database, seller_id=None):
    folder = Path(folder)
    users = json.loads((Path(__file__).parent / "users.json").read_text(encoding="utf-8"))
    sellers = {user["display_name"]: user for user in users if user["role"] == "seller"}
    seller = next((u for u in sellers.values() if seller_id in (None, u["id"])), None)
    if seller is None:
        sys.exit(f"seller_page.py: users.json has no seller '{seller_id}'")
    terms = parley.read_terms(folder / "terms.tsv") if (folder / "terms.tsv").exists() else []

    with ExitStack() as handles:  # every call, analysis and the store closed on the way out
        # Built once (lexicons loaded, terms compiled) and shared by every call.
        analyzer = handles.enter_context(parley.Analyzer(terms=terms))
        calls, analyses = [], []
        for path in sorted(p for p in folder.iterdir() if p.suffix in TRANSCRIPTS):
            call = handles.enter_context(parley.Call.read(path))
            # parley never guesses roles: our sellers by name, everyone else is the customer's side.
            call.assign_roles({"our_users": list(sellers), "unmatched": "customer"})
            owners = [sellers.get(p.display_name, sellers.get(p.id)) for p in call.participants if p.role == "seller"]
            owners = [owner["id"] for owner in owners if owner]
            if not owners:
                print(f"{path}: none of our sellers speaks in it; skipped", file=sys.stderr)
                continue
            call.set_field("owner_seller_id", owners[0])
            # Captions carry no date; a meeting tool would give the start, here the file's time does.
            if call.info.start_time_ms == 0:
                call.set_times(int(path.stat().st_mtime * 1000), call.info.duration_ms)
            calls.append(call)
            analyses.append(handles.enter_context(analyzer.analyze(call)))
        if not calls:
            sys.exit(f"seller_page.py: no transcript of our sellers in {folder}")

        now = max(call.info.start_time_ms for call in calls)
        admin = parley.Viewer.administrator("admin")
        store = handles.enter_context(parley.Store(database))
        store.put_users(admin, users)
        store.ingest(admin, calls, analyses, now_ms=now)  # one transaction: every call or none
        # The page as the seller sees it: their own calls only (docs/store.md, "Access").
        options = {"period": {"kind": "this_month", "time_zone": seller.get("time_zone", "UTC")},
                   "now_utc_ms": now}
        print(store.seller_details(parley.Viewer.seller(seller["id"]), seller["id"], options, format="text"))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1].rstrip())
    try:
        main(*sys.argv[1:])
    except (parley.ParleyError, OSError) as error:
        sys.exit(f"seller_page.py: {error}")
