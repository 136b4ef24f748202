"""Generated Swedish Markdown for benchmarks (deterministic, written by the team).

Sentences come from templates whose slots are filled at random (bodies, places, amounts,
dates, phone numbers, names), so a long text rarely repeats a sentence: caches keyed on a
sentence's text get no more help here than they would from real pages.
"""

from __future__ import annotations

import random

TEMPLATES = [
    "{body} har beslutat att bevilja bygglov för {building} i {district}.",
    "Du kan söka bidrag till föreningar som arbetar med {group} i {district}.",
    "Ansökan om {service} skall ha inkommit senast den {day} {month} {year}.",
    "Beslutet om {topic} kan överklagas hos {court} inom tre veckor från den dag du fick del av det.",
    "{office} har genomfört en översyn av avgifterna för {service}.",
    "Det föreslås att {body} anser remissen om {topic} i {district} besvarad.",
    "Bidraget uppgår till högst {amount} kronor per förening och år.",
    "Har du frågor om {topic} kan du ringa till {person} på 08-508 {phone}.",
    "Vi hoppas att många i {district} vill vara med och tycka till om {place} före den {day} {month}.",
    "Utbetalning för {year} sker i samband med att redovisningen har godkänts av {role} på {office}.",
    "Samtliga ansökningar om {topic} prövas av {office} under {season}.",
    "Läs mer om hur {office} hanterar dina personuppgifter på stockholm.se/{page}.",
    "Projektet i {district} finansieras delvis med medel från staten och pågår till och med {year}.",
    "Du får ett beslut om {service} inom {weeks} veckor efter att vi har fått din kompletta ansökan.",
    "{person} på {office} svarar på frågor om {service} vardagar kl. {hour}.00–{hour2}.00.",
    "Avgiften för {service} höjs med {percent} procent från och med den 1 {month}.",
    "Enligt {law} ska {body} pröva ärendet om {topic} skyndsamt.",
    "I {district} planeras {count} nya bostäder och {building} närmast {place}.",
]
SLOTS = {
    "body": [
        "Stadsbyggnadsnämnden",
        "Kulturnämnden",
        "Idrottsnämnden",
        "Miljö- och hälsoskyddsnämnden",
        "Trafiknämnden",
        "Utbildningsnämnden",
        "Exploateringsnämnden",
        "Socialnämnden",
    ],
    "office": [
        "kulturförvaltningen",
        "stadsbyggnadskontoret",
        "idrottsförvaltningen",
        "trafikkontoret",
        "miljöförvaltningen",
        "socialförvaltningen",
        "utbildningsförvaltningen",
        "exploateringskontoret",
    ],
    "building": [
        "en ny förskola",
        "en idrottshall",
        "ett äldreboende",
        "en simhall",
        "ett bibliotek",
        "en grundskola",
        "ett kulturhus",
        "en fritidsgård",
        "en lekplats",
        "ett parkeringshus",
    ],
    "district": [
        "Hägersten",
        "Skärholmen",
        "Rinkeby",
        "Farsta",
        "Bromma",
        "Kungsholmen",
        "Södermalm",
        "Vantör",
        "Spånga",
        "Älvsjö",
        "Enskede",
        "Norrmalm",
        "Östermalm",
        "Tensta",
        "Liljeholmen",
        "Hässelby",
    ],
    "group": [
        "barn och unga",
        "äldre",
        "nyanlända",
        "personer med funktionsnedsättning",
        "idrott för flickor",
        "läxhjälp",
        "kultur i skolan",
        "ensamstående föräldrar",
    ],
    "service": [
        "kulturskolan",
        "förskolan",
        "fritidshemmet",
        "färdtjänsten",
        "hemtjänsten",
        "parkeringstillstånd",
        "bygglov",
        "simskolan",
        "matdistributionen",
    ],
    "topic": [
        "den nya parken",
        "cykelbanan",
        "trafiksäkerheten",
        "skolvalet",
        "bostadsbidraget",
        "sophämtningen",
        "belysningen",
        "gatuarbetena",
        "vinterväghållningen",
        "strandbaden",
    ],
    "place": [
        "den nya parken",
        "torget",
        "Årstafältet",
        "Järvafältet",
        "strandpromenaden",
        "Kungsträdgården",
        "hamnen",
        "stadsbiblioteket",
    ],
    "person": [
        "Anna Berg",
        "Erik Lind",
        "Sara Holm",
        "Ali Hassan",
        "Maria Nilsson",
        "Johan Ek",
        "Fatima Omar",
        "Lars Sjöberg",
        "Eva Ström",
        "Karin Dahl",
    ],
    "role": ["handläggaren", "enhetschefen", "ekonomiavdelningen", "revisorn", "samordnaren"],
    "season": ["våren", "hösten", "sommaren", "vintern"],
    "month": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
    "page": ["personuppgifter", "dataskydd", "integritet", "gdpr", "behandling-av-personuppgifter"],
    "court": ["förvaltningsrätten", "mark- och miljödomstolen", "länsstyrelsen", "kammarrätten"],
    "law": ["plan- och bygglagen", "förvaltningslagen", "socialtjänstlagen", "skollagen", "miljöbalken"],
}


def _fill(template: str, rng: random.Random) -> str:
    values = {name: rng.choice(choices) for name, choices in SLOTS.items()}
    values.update(
        day=rng.randint(1, 28),
        year=rng.randint(2025, 2030),
        amount=rng.randrange(5000, 90000, 500),
        phone=f"{rng.randint(100, 999)} {rng.randint(10, 99)}",
        weeks=rng.choice(["två", "tre", "fyra", "sex"]),
        hour=rng.randint(8, 10),
        hour2=rng.randint(15, 17),
        percent=rng.randint(2, 12),
        count=rng.randint(40, 900),
    )
    return template.format(**values)


# One filled example per template (for benchmarks that need a few fixed sentences).
SENTENCES = [_fill(template, random.Random(index)) for index, template in enumerate(TEMPLATES)]
HEADINGS = ["Så ansöker du", "Bakgrund", "Förslag till beslut", "Kontakt", "Vad händer sedan?", "Avgifter"]


def markdown(target_bytes: int, seed: int = 1) -> str:
    rng = random.Random(seed)

    def sentence() -> str:
        return _fill(rng.choice(TEMPLATES), rng)

    parts: list[str] = ["---\ntitle: Testdokument\n---\n\n# Information från staden\n"]
    size = len(parts[0].encode())
    while size < target_bytes:
        if rng.random() < 0.15:
            part = f"\n## {rng.choice(HEADINGS)}\n"
        elif rng.random() < 0.2:
            part = "\n" + "".join(f"- {sentence()}\n" for _ in range(rng.randint(2, 4)))
        else:
            part = "\n" + " ".join(sentence() for _ in range(rng.randint(2, 6))) + "\n"
        parts.append(part)
        size += len(part.encode())
    return "".join(parts)
