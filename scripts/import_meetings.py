#!/usr/bin/env python3
"""Turns the real meeting transcripts of ../shared/data/meetings (QMSum: AMI and ICSI, CC BY 4.0)
into the signal tests' sentence files, tests/data/signals/meetings/<meeting>.tsv.

Each line is `<turn>.<sentence>\t<speaker>\t<text>`: the transcribers' markers ({vocalsound},
{disfmarker}, ...) are dropped, their tokenised punctuation is joined again ("we 'll ." -> "we'll."),
letters spelled out the AMI way are joined ("L_C_D_" -> "LCD", as speech-to-text writes them),
and a turn is cut into sentences after `.`, `?` and `!`. Turns with no words are left out, but keep
their number, so ids follow the source. Deterministic: rerunning gives the same files.

Usage: scripts/import_meetings.py [SOURCE_DIR] [OUT_DIR]
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "meetings"
OUT = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "data" / "signals" / "meetings"


def clean(content: str) -> str:
    text = re.sub(r"\{[a-z]+\}", " ", content)
    text = text.replace("@ @", " ").replace("@", " ")
    text = re.sub(r"\s+", " ", text).strip()
    # AMI spells letter names "L_C_D_"; speech-to-text writes "LCD".
    text = re.sub(r"\b((?:[A-Za-z]_)+)", lambda m: m.group(1).replace("_", ""), text)
    text = re.sub(r" ('(?:s|re|ll|m|d|ve|t)\b)", r"\1", text)  # "we 'll" -> "we'll"
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)  # "Mm - hmm" -> "Mm-hmm"
    text = re.sub(r" ([.,?!;:])", r"\1", text)  # "okay ." -> "okay."
    text = re.sub(r"([.,?!;:])(?=[.,?!;:])", r"\1", text)
    text = re.sub(r"^[.,;: ]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str):
    pieces = re.split(r"(?<=[.?!])\s+", text)
    return [p.strip() for p in pieces if re.search(r"\w", p)]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for path in sorted(SOURCE.glob("*.json")):
        turns = json.loads(path.read_text(encoding="utf-8"))["meeting_transcripts"]
        lines = []
        for turn, entry in enumerate(turns):
            for number, sentence in enumerate(sentences(clean(entry["content"]))):
                lines.append(f"{turn}.{number}\t{entry['speaker']}\t{sentence}")
        (OUT / f"{path.stem}.tsv").write_text(
            f"# {path.stem}: QMSum (AMI/ICSI meeting corpora, CC BY 4.0); made by scripts/import_meetings.py\n"
            + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
