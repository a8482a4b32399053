#!/usr/bin/env python3
"""Writes the word-timed JSON fixtures in the style of each speech service from hand-written
dialogues. Word times are laid out deterministically: each word lasts 0.08 s + 0.045 s per
character and words are 0.06 s apart, starting at the turn's start time. Run it from this folder;
the tests assert values counted from the files it writes, so rerun only on purpose."""
import json

PUNCT = ".,?!"

def layout(turns):
    """[(speaker, start_s, text)] -> [(speaker, [(word, start_s, end_s, confidence)])]."""
    out = []
    k = 0
    for speaker, start, text in turns:
        t = start
        words = []
        for word in text.split():
            bare = word.strip(PUNCT + "¿¡")
            duration = 0.08 + 0.045 * len(bare)
            k += 1
            confidence = 0.80 + (k * 37 % 20) / 100
            words.append((word, round(t, 3), round(t + duration, 3), round(confidence, 2)))
            t += duration + 0.06
        out.append((speaker, words))
    return out

TRANSCRIBE = [
    ("spk_0", 0.44, "Hi Alex, this is Jordan from Brightline. Is now still a good time?"),
    ("spk_1", 5.10, "Yes, perfect. I have about twenty minutes."),
    ("spk_0", 8.90, "Great. You mentioned your reps spend a lot of time on call notes."),
    ("spk_1", 14.20, "Right. Every call means ten minutes of typing into the CRM afterwards."),
    ("spk_1", 19.80, "Multiply that by eight calls a day and it adds up."),
    ("spk_0", 24.35, "How many reps are on the team today?"),
    ("spk_1", 27.60, "Twelve, and we are hiring four more this quarter."),
    ("spk_0", 31.90, "Okay. And who signs off on new tools?"),
    ("spk_1", 35.00, "Our VP of sales, Renee. She wants to see numbers first."),
    ("spk_0", 40.20, "Makes sense. I can put together an ROI estimate for her."),
    ("spk_1", 45.10, "That would help a lot."),
    ("spk_0", 47.50, "Let's book thirty minutes next Tuesday with Renee, then?"),
    ("spk_1", 52.40, "Tuesday works. I'll send her the invite."),
]

ASSEMBLYAI = [
    ("A", 1.20, "Buenas tardes, Lucía. ¿Cómo va todo en Monterrey?"),
    ("B", 5.60, "Muy bien, gracias. Estamos terminando el cierre del trimestre."),
    ("A", 10.90, "Perfecto. Quería hablar de la renovación del contrato."),
    ("B", 15.30, "Sí, claro. El precio subió mucho el año pasado."),
    ("A", 19.70, "Entiendo. Si firman por dos años, mantenemos el precio actual."),
    ("B", 25.40, "Eso me interesa. ¿Incluye la capacitación en español?"),
    ("A", 30.10, "Sí, dos sesiones sin costo adicional."),
    ("B", 34.00, "Muy bien. Lo reviso con finanzas y le confirmo el viernes."),
    ("A", 39.80, "Perfecto, muchas gracias, Lucía."),
]

DEEPGRAM = [
    (0, 0.32, "Dzień dobry, Pani Anno. Thanks for joining."),
    (1, 4.10, "Hello! Happy to talk. Our team has about sixty people."),
    (0, 9.20, "Great. What is the biggest problem with onboarding today?"),
    (1, 14.00, "New hires need three months before they close anything."),
    (1, 18.50, "We want that down to six weeks."),
    (0, 21.90, "Understood. Call recordings help a lot with that."),
    (1, 26.30, "Can we try it with one team first?"),
    (0, 29.40, "Of course. A pilot with ten seats, starting next month?"),
    (1, 34.20, "Yes. Dziękuję bardzo!"),
]

def transcribe():
    turns = layout(TRANSCRIBE)
    items, segments, transcript = [], [], []
    for speaker, words in turns:
        seg_items = []
        for word, start, end, conf in words:
            bare = word.rstrip(PUNCT)
            item = {"id": len(items), "type": "pronunciation",
                    "alternatives": [{"confidence": f"{conf:.3f}", "content": bare}],
                    "start_time": f"{start:.2f}", "end_time": f"{end:.2f}", "speaker_label": speaker}
            items.append(item)
            seg_items.append({"speaker_label": speaker, "start_time": item["start_time"], "end_time": item["end_time"]})
            for p in word[len(bare):]:
                items.append({"id": len(items), "type": "punctuation",
                              "alternatives": [{"confidence": "0.0", "content": p}], "speaker_label": speaker})
            transcript.append(word)
        segments.append({"speaker_label": speaker, "start_time": seg_items[0]["start_time"],
                         "end_time": seg_items[-1]["end_time"], "items": seg_items})
    doc = {"jobName": "brightline-discovery-0412", "accountId": "123456789012", "status": "COMPLETED",
           "results": {"transcripts": [{"transcript": " ".join(transcript)}],
                       "speaker_labels": {"channel_label": "ch_0", "speakers": 2, "segments": segments},
                       "items": items, "language_code": "en-US"}}
    with open("transcribe_discovery.json", "w") as f:
        json.dump(doc, f, ensure_ascii=False)

def assemblyai():
    turns = layout(ASSEMBLYAI)
    utterances, all_words = [], []
    for speaker, words in turns:
        ws = [{"text": w, "start": round(s * 1000), "end": round(e * 1000), "confidence": c, "speaker": speaker}
              for w, s, e, c in words]
        all_words += ws
        utterances.append({"confidence": round(sum(w["confidence"] for w in ws) / len(ws), 4),
                           "end": ws[-1]["end"], "speaker": speaker, "start": ws[0]["start"],
                           "text": " ".join(w["text"] for w in ws), "words": ws})
    doc = {"id": "6rlr37h9tx-8a52-4d0e-9b8e-3f1c2a7d5e10", "language_model": "assemblyai_default",
           "acoustic_model": "assemblyai_default", "language_code": "es", "status": "completed",
           "audio_url": "https://example.com/recordings/renovacion-monterrey.mp3",
           "text": " ".join(u["text"] for u in utterances), "words": all_words, "utterances": utterances,
           "confidence": 0.9, "audio_duration": 44, "punctuate": True, "format_text": True,
           "speaker_labels": True, "speakers_expected": None, "error": None}
    with open("assemblyai_renewal.json", "w") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)

def deepgram():
    turns = layout(DEEPGRAM)
    words_out, transcript = [], []
    for speaker, words in turns:
        for w, s, e, c in words:
            bare = w.strip(PUNCT).lower()
            # Deepgram's times are 32-bit floats printed in full.
            words_out.append({"word": bare, "start": s + 1e-7 if int(s * 100) % 3 == 0 else s, "end": e,
                              "confidence": c, "speaker": speaker, "speaker_confidence": 0.61,
                              "punctuated_word": w})
            transcript.append(w)
    doc = {"metadata": {"transaction_key": "deprecated", "request_id": "3c7a9f0e-2b1d-4e8f-a6c5-9d0b1e2f3a4b",
                        "sha256": "0e4b8a7c", "created": "2024-04-12T09:30:11.407Z", "duration": 37.5,
                        "channels": 1, "models": ["1ed36bac-f71c-4f3f-a31f-02fd6525c489"]},
           "results": {"channels": [{"alternatives": [{"transcript": " ".join(transcript), "confidence": 0.98,
                                                        "words": words_out}], "detected_language": "pl"}]}}
    with open("deepgram_onboarding.json", "w") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)

transcribe()
assemblyai()
deepgram()
