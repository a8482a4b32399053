#!/usr/bin/env python3
"""Writes a deterministic mbox of about MB megabytes of sales mail for benchmarks/mbox_vs_grep.sh.

Usage: make_mbox.py OUT MB [SEED]

Messages look like a seller's exported mailbox: Received chains, Date in several zones, display
names and subjects as RFC 2047 encoded words (UTF-8 and ISO-8859-2, B and Q), folded headers,
Message-ID / In-Reply-To / References threads, multipart/alternative bodies (quoted-printable text,
base64 HTML), a quoted reply, sometimes a base64 attachment (multipart/mixed) and sometimes an
automatic reply. Our side is parley.example. Body lines never start with "From " (mboxrd quoting
would be needed), so `grep -c '^From '` counts the messages exactly. Prints the message count.
"""
import base64
import quopri
import random
import sys
from datetime import datetime, timedelta, timezone

OUR_DOMAIN = "parley.example"
SELLERS = [("Anna Kowalska", "anna"), ("Mikkel Holm", "mikkel"), ("박지우", "jiwoo"),
           ("Олена Шевченко", "olena"), ("张伟", "wei"), ("Freja Nielsen", "freja")]
CUSTOMERS = {
    "northwind.example": [("Piotr Nowak", "piotr"), ("Marta Wiśniewska", "marta"), ("Lars Jensen", "lars")],
    "contoso.example": [("김민서", "minseo"), ("Hyun Lee", "hyun"), ("Sofie Madsen", "sofie")],
    "fabrikam.example": [("Тарас Бондар", "taras"), ("Дмитро Коваль", "dmytro"), ("李娜", "lina")],
    "tailspin.example": [("Chen Wei", "chen"), ("Søren Østergaard", "soren"), ("Zofia Łukasik", "zofia")],
}
TOPICS = ["Pricing for next quarter", "Onboarding plan and timeline", "Security review questions",
          "Renewal terms", "Integration with your CRM", "Oferta na licencje zespołowe",
          "Tilbud på opgradering til Enterprise", "견적 요청 및 일정", "关于续约的问题",
          "Питання щодо інтеграції", "Zaproszenie na prezentację", "Møde om prisstruktur"]
SENTENCES = [
    "Thanks for the call yesterday, it was good to walk through the roadmap with your team.",
    "Could you send the updated quote with the discount we discussed for 250 seats?",
    "Our legal team needs the data processing agreement before we can sign.",
    "We would like to start the pilot in the second week of the month if that works for you.",
    "Dziękuję za spotkanie, przesyłam podsumowanie i propozycję harmonogramu wdrożenia.",
    "Czy możemy przesunąć rozmowę na czwartek o 14:00?",
    "Tak for mødet i dag, jeg sender det opdaterede tilbud i morgen.",
    "Vi har brug for en demo af rapporterne før budgetmødet.",
    "Дякуємо за презентацію, чекаємо на комерційну пропозицію до п'ятниці.",
    "感谢您的介绍，我们需要在下周前确认预算和实施计划。",
    "어제 회의 감사합니다. 다음 주에 가격 제안서를 보내 주시겠어요?",
    "The attached document summarises the integration steps and the expected effort.",
    "Let me know if anything in the proposal is unclear; happy to set up a short call.",
]
ZONES = [("+0100", 60), ("+0200", 120), ("-0500", -300), ("+0900", 540), ("+0800", 480), ("+0000", 0),
         ("-0800", -480)]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def encoded_word(text, rng):
    """An RFC 2047 encoded word when the text is not ASCII (B or Q; ISO-8859-2 when it fits)."""
    if text.isascii():
        return text
    charset = "UTF-8"
    try:
        raw = text.encode("iso-8859-2")
        charset = "ISO-8859-2" if rng.random() < 0.5 else "UTF-8"
    except UnicodeEncodeError:
        pass
    raw = text.encode(charset)
    if rng.random() < 0.5:
        return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="
    q = "".join(chr(b) if (chr(b).isalnum() and b < 128) else ("_" if b == 32 else f"={b:02X}") for b in raw)
    return f"=?{charset}?Q?{q}?="


def address(name, local, domain, rng):
    return f'"{encoded_word(name, rng)}" <{local}@{domain}>' if rng.random() < 0.9 else f"{local}@{domain}"


def rfc5322_date(when, rng):
    zone, minutes = rng.choice(ZONES)
    local = when + timedelta(minutes=minutes)
    return (f"{WEEKDAYS[local.weekday()]}, {local.day} {MONTHS[local.month - 1]} {local.year} "
            f"{local:%H:%M:%S} {zone}")


def folded(name, values, separator=" "):
    """A header with one value per continuation line."""
    return f"{name}: " + f"\r\n{separator}".join(values)


def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("\n", "\r\n")


def b64_lines(raw):
    encoded = base64.b64encode(raw).decode("ascii")
    return "\r\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


def body_text(rng, quoted):
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        paragraphs.append(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5))))
    text = "Hello,\n\n" + "\n\n".join(paragraphs) + "\n\nBest regards\n"
    if quoted:
        text += "\nOn an earlier day someone wrote:\n" + "\n".join("> " + line for line in quoted.splitlines()[:30])
    return text


def message(rng, number, when, sender, recipients, cc, subject, parent, references, automatic):
    boundary_alt = f"=_alt_{number:08d}"
    boundary_mixed = f"=_mixed_{number:08d}"
    message_id = f"<{number:08d}.{rng.getrandbits(40):010x}@{sender[2]}>"
    text = body_text(rng, parent["text"] if parent else "")
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
    attachment = rng.random() < 0.2
    sender_address = f"{sender[1]}@{sender[2]}"
    lines = [
        f"From {sender_address} {when:%a %b %d %H:%M:%S %Y}",
        f"Return-Path: <{sender_address}>",
        f"Received: from mail.{sender[2]} (mail.{sender[2]} [192.0.2.{number % 250 + 1}])\r\n"
        f"\tby mx.{OUR_DOMAIN} with ESMTPS id {rng.getrandbits(48):012x}\r\n\tfor <inbox@{OUR_DOMAIN}>; "
        + rfc5322_date(when + timedelta(seconds=2), rng),
        "From: " + address(sender[0], sender[1], sender[2], rng),
        folded("To", [address(n, l, d, rng) + "," for n, l, d in recipients[:-1]] +
               [address(*recipients[-1], rng)]),
    ]
    if cc:
        lines.append("Cc: " + address(*cc, rng))
    lines.append("Subject: " + encoded_word(subject, rng))
    lines.append("Date: " + rfc5322_date(when, rng))
    lines.append("Message-ID: " + message_id)
    if parent and rng.random() < 0.85:  # else an export that lost In-Reply-To
        lines.append("In-Reply-To: " + parent["id"])
        lines.append(folded("References", references + [parent["id"]]))
    if automatic:
        lines.append("Auto-Submitted: auto-replied")
    lines.append("MIME-Version: 1.0")
    lines.append("X-Mailer: Benchmark Mail 1.0")
    alternative = [
        f'Content-Type: multipart/alternative; boundary="{boundary_alt}"',
        "",
        f"--{boundary_alt}",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(text),
        f"--{boundary_alt}",
        "Content-Type: text/html; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
        b64_lines(html.encode("utf-8")),
        f"--{boundary_alt}--",
    ]
    if attachment:
        size = rng.randint(5_000, 60_000)
        lines += [f'Content-Type: multipart/mixed; boundary="{boundary_mixed}"', "", f"--{boundary_mixed}"]
        lines += alternative
        lines += [f"--{boundary_mixed}",
                  'Content-Type: application/pdf; name="proposal.pdf"',
                  'Content-Disposition: attachment; filename="proposal.pdf"',
                  "Content-Transfer-Encoding: base64", "",
                  b64_lines(rng.randbytes(size)), f"--{boundary_mixed}--"]
    else:
        lines += alternative
    return "\r\n".join(lines).replace("\r\n", "\n") + "\n\n", {"id": message_id, "text": text}


def main():
    out_path, megabytes = sys.argv[1], float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 14)
    target = int(megabytes * 1_000_000)
    written = 0
    count = 0
    start = datetime(2024, 11, 23, tzinfo=timezone.utc)
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        while written < target:
            domain = rng.choice(list(CUSTOMERS))
            seller = rng.choice(SELLERS)
            customer = rng.choice(CUSTOMERS[domain])
            topic = rng.choice(TOPICS)
            when = start + timedelta(seconds=rng.randrange(730 * 86400))
            from_us = rng.random() < 0.5
            parent, references = None, []
            for position in range(rng.randint(1, 5)):
                ours = (seller[0], seller[1], OUR_DOMAIN)
                theirs = (customer[0], customer[1], domain)
                sender, recipient = (ours, theirs) if from_us else (theirs, ours)
                automatic = not from_us and position > 0 and rng.random() < 0.03
                subject = topic if position == 0 else rng.choice(["Re: ", "RE: ", "AW: ", "Odp: ", "SV: "]) + topic
                if automatic:
                    subject = "Out of office: " + topic
                cc = rng.choice(CUSTOMERS[domain]) + (domain,) if rng.random() < 0.3 else None
                text, parent_next = message(rng, count, when, sender, [recipient], cc, subject, parent,
                                            references, automatic)
                if parent:
                    references = (references + [parent["id"]])[-10:]
                parent = parent_next
                data = text.encode("utf-8")
                out.write(text)
                written += len(data)
                count += 1
                when += timedelta(minutes=rng.randint(5, 3 * 24 * 60))
                if rng.random() < 0.8:
                    from_us = not from_us
                if written >= target:
                    break
    print(count)


if __name__ == "__main__":
    main()
