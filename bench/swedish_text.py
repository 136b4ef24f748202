"""Generated Swedish Markdown for benchmarks (deterministic, written by the team)."""

from __future__ import annotations

import random

SENTENCES = [
    "Stadsbyggnadsnämnden har beslutat att bevilja bygglov för en ny förskola i Hägersten.",
    "Du kan söka bidrag till föreningar som arbetar med barn och unga.",
    "Ansökan skall ha inkommit senast den 1 mars 2027.",
    "Beslutet kan överklagas inom tre veckor från den dag du fick del av det.",
    "Förvaltningen har genomfört en översyn av avgifterna för kulturskolan.",
    "Det föreslås att nämnden anser remissen besvarad.",
    "Bidraget uppgår till högst 25000 kronor per förening och år.",
    "Har du frågor kan du ringa till kontaktcenter på 08-508 000 00.",
    "Vi hoppas att många vill vara med och tycka till om den nya parken.",
    "Utbetalning sker i samband med att redovisningen har godkänts av handläggaren.",
    "Samtliga ansökningar prövas av kulturförvaltningen under våren.",
    "Läs mer om hur vi hanterar dina personuppgifter på stockholm.se.",
    "Projektet finansieras delvis med medel från staten och pågår till och med 2028.",
    "Du får ett beslut inom fyra veckor efter att vi har fått din kompletta ansökan.",
]
HEADINGS = ["Så ansöker du", "Bakgrund", "Förslag till beslut", "Kontakt", "Vad händer sedan?", "Avgifter"]


def markdown(target_bytes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = ["---\ntitle: Testdokument\n---\n\n# Information från staden\n"]
    size = len(parts[0].encode())
    while size < target_bytes:
        if rng.random() < 0.15:
            part = f"\n## {rng.choice(HEADINGS)}\n"
        elif rng.random() < 0.2:
            part = "\n" + "".join(f"- {rng.choice(SENTENCES)}\n" for _ in range(rng.randint(2, 4)))
        else:
            part = "\n" + " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6))) + "\n"
        parts.append(part)
        size += len(part.encode())
    return "".join(parts)
