"""Builds the Word documents of the document evaluation set (run from the repository root):

    python corpora/documents/make_docx.py

Each document is a letter, decision or tjänsteutlåtande with its letterhead in the Word
header and its address block in the footer, as municipal templates place them. The core
properties carry a created and modified date on purpose: a letter's date must be printed
in it, so those properties must not count as the document's date. The .docx files are
committed; rerun this script after changing a text here.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
CREATED = dt.datetime(2025, 3, 3, 8, 30, tzinfo=dt.UTC)


@dataclass
class Spec:
    path: str
    author: str
    header: list[str]  # letterhead lines; two columns when a line holds " | "
    footer: list[str]
    body: list[tuple[str, str]]  # (style, text): "h1", "h2", "p", "li"
    title: str = ""
    modified: dt.datetime = field(default=CREATED)


def build(spec: Spec) -> None:
    document = Document()
    document.core_properties.author = spec.author
    document.core_properties.title = spec.title
    document.core_properties.created = CREATED
    document.core_properties.modified = spec.modified
    document.core_properties.last_modified_by = spec.author
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.5)
    _letterhead(section.header, spec.header)
    for line in spec.footer:
        section.footer.add_paragraph(line).style = document.styles["Footer"]
    for style, text in spec.body:
        if style == "h1":
            document.add_heading(text, level=1)
        elif style == "h2":
            document.add_heading(text, level=2)
        elif style == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    target = HERE / spec.path
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(_fixed_timestamps(buffer.getvalue()))


def _fixed_timestamps(data: bytes) -> bytes:
    """The same package with every zip entry dated 1980-01-01, so a rerun changes no byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0)), source.read(item), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _letterhead(header, lines: list[str]) -> None:
    """Two-column lines go into a table (organisation left, document facts right)."""
    header.paragraphs[0].text = ""
    rows = [line.split(" | ") for line in lines]
    if all(len(row) == 2 for row in rows):
        table = header.add_table(len(rows), 2, Cm(16))
        for cells, (left, right) in zip(table.rows, rows):
            cells.cells[0].text, cells.cells[1].text = left, right
        return
    for index, line in enumerate(lines):
        paragraph = header.paragraphs[0] if index == 0 else header.add_paragraph()
        paragraph.text = line


SBK_FOOTER = [
    "Stadsbyggnadskontoret",
    "Fleminggatan 4, Box 8314, 104 20 Stockholm",
    "Telefon 08-508 27 300. Kontaktcenter 08-508 00 508",
    "stadsbyggnadskontoret@stockholm.se · start.stockholm",
]

SPECS = [
    Spec(
        "stockholm/beslut-01-bygglov.docx",
        "Johanna Lind",
        title="Beslut om bygglov",
        header=["Stockholms stad | Beslut", "Stadsbyggnadskontoret | Sida 1 (2)", "Bygglovsavdelningen Söder | Dnr 2025-01877"],
        footer=SBK_FOOTER,
        body=[
            ("p", "Datum 2025-03-04"),
            ("p", "Lisa och Omar Haddad"),
            ("p", "Tallkrogsvägen 21"),
            ("p", "122 60 Enskede"),
            ("h1", "Beslut om bygglov för tillbyggnad av enbostadshus"),
            ("p", "Fastighet: Skalbaggen 14. Adress: Tallkrogsvägen 21."),
            ("h2", "Beslut"),
            (
                "p",
                "Stadsbyggnadsnämnden beviljar bygglov för en tillbyggnad på 24 kvadratmeter enligt ansökan som kom in den 20 januari 2025.",
            ),
            ("p", "Avgiften för bygglovet är 18 400 kronor. Faktura skickas separat."),
            ("h2", "Motivering"),
            (
                "p",
                "Tillbyggnaden följer detaljplanen för området och passar in i omgivningen. Grannarna har fått tillfälle att yttra sig och ingen har haft något att invända. Beslutet grundar sig på 9 kap. 30 § plan- och bygglagen.",
            ),
            ("h2", "Innan du börjar bygga"),
            ("p", "Du får inte börja bygga förrän nämnden har gett dig startbesked. Ett tekniskt samråd behövs inte i det här ärendet."),
            ("h2", "Om du vill överklaga"),
            (
                "p",
                "Om du vill överklaga beslutet ska du skriva till Stadsbyggnadsnämnden, Box 8314, 104 20 Stockholm, eller mejla stadsbyggnadskontoret@stockholm.se. Överklagandet måste ha kommit in inom tre veckor från den dag du fick del av beslutet. Skriv vilket beslut du överklagar och hur du vill att det ska ändras.",
            ),
            ("p", "Har du frågor om beslutet? Ring handläggaren Johanna Lind på 08-508 27 412."),
            ("p", "Johanna Lind"),
            ("p", "Bygglovshandläggare"),
        ],
    ),
    Spec(
        "stockholm/beslut-02-hemtjanst-utan-datum.docx",
        "Nadia Rahimi",
        title="Beslut om hemtjänst",
        header=["Stockholms stad", "Enskede-Årsta-Vantör stadsdelsförvaltning", "Avdelningen för äldreomsorg"],
        footer=[
            "Enskede-Årsta-Vantör stadsdelsförvaltning · Box 5003, 121 05 Johanneshov",
            "Telefon 08-508 14 000 · enskede-arsta-vantor@stockholm.se",
        ],
        body=[
            ("p", "Ärendenummer: 2025-0341"),
            ("p", "Gunnel Persson"),
            ("p", "Sockenvägen 302"),
            ("p", "122 63 Enskede"),
            ("h1", "Beslut om hemtjänst"),
            (
                "p",
                "Enskede-Årsta-Vantör stadsdelsnämnd beviljar dig hemtjänst med hjälp vid dusch två gånger i veckan och hjälp med inköp en gång i veckan. Beslutet gäller till och med 31 augusti.",
            ),
            ("p", "Du har ansökt om städning varje vecka. Den delen av ansökan avslås."),
            ("h2", "Skälen för beslutet"),
            (
                "p",
                "Vi bedömer att du behöver hjälp med dusch och inköp för att uppnå en skälig levnadsnivå. Städning var tredje vecka ingår redan i den hjälp du har i dag, och vi bedömer att det räcker för ditt behov. Beslutet grundar sig på 4 kap. 1 § socialtjänstlagen.",
            ),
            ("h2", "Om du vill överklaga"),
            (
                "p",
                "Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. Skriv till oss på stadsdelsförvaltningen och berätta vilket beslut du överklagar och varför. Vi måste ha fått ditt brev inom tre veckor från den dag du fick beslutet. Vi hjälper dig gärna att skriva överklagandet.",
            ),
            ("p", "Har du frågor? Ring mig på 08-508 14 233."),
            ("p", "Nadia Rahimi"),
            ("p", "Biståndshandläggare"),
        ],
    ),
    Spec(
        "stockholm/beslut-03-foreningsbidrag.docx",
        "Peter Holm",
        title="Beslut om verksamhetsbidrag",
        header=[
            "Stockholms stad | 2025-02-18",
            "Kulturförvaltningen | Dnr 4.3.1-0112/2025",
            "Avdelningen för stöd till kulturlivet | Sida 1 (1)",
        ],
        footer=["Kulturförvaltningen · Box 16113, 103 22 Stockholm · Telefon 08-508 31 900 · kulturbidrag@stockholm.se"],
        body=[
            ("p", "Föreningen Söderscenen"),
            ("p", "c/o Ylva Strand"),
            ("p", "Bondegatan 44"),
            ("p", "116 33 Stockholm"),
            ("h1", "Beslut om verksamhetsbidrag 2025"),
            (
                "p",
                "Kulturnämnden beviljar Föreningen Söderscenen verksamhetsbidrag med 120 000 kronor för 2025. Föreningen ansökte om 200 000 kronor.",
            ),
            ("h2", "Motivering"),
            (
                "p",
                "Föreningen har en bred publik och samarbetar med skolor i området. Nämnden har fått in fler ansökningar än tidigare år och har därför fördelat pengarna så att fler föreningar får bidrag. Beslutet grundar sig på stadens regler för stöd till kulturlivet.",
            ),
            ("h2", "Redovisning"),
            ("p", "Föreningen ska redovisa hur pengarna har använts senast 31 mars 2026."),
            ("p", "Beslutet kan överklagas."),
            ("p", "Peter Holm"),
            ("p", "Handläggare, 08-508 31 927"),
        ],
    ),
    Spec(
        "stockholm/brev-01-komplettering.docx",
        "Sofia Ek",
        title="Vi behöver fler handlingar",
        header=["Stockholms stad | 2025-02-11", "Stadsbyggnadskontoret | Dnr 2025-00964"],
        footer=SBK_FOOTER,
        body=[
            ("p", "Hej Martin Berg!"),
            ("h1", "Vi behöver fler handlingar för din bygglovsansökan"),
            (
                "p",
                "Tack för din ansökan om bygglov för ett garage på fastigheten Ekorren 3. För att kunna pröva ansökan behöver vi en situationsplan som visar var garaget ska stå och hur långt det är till tomtgränsen.",
            ),
            (
                "p",
                "Skicka situationsplanen till oss senast den 4 mars 2025. Du kan ladda upp den i e-tjänsten eller mejla den till stadsbyggnadskontoret@stockholm.se. Skriv diarienumret i ämnesraden.",
            ),
            ("p", "Om vi inte får situationsplanen kan vi behöva avvisa ansökan."),
            ("p", "Har du frågor kan du ringa mig på 08-508 27 355, måndag till torsdag klockan 9–11."),
            ("p", "Med vänlig hälsning"),
            ("p", "Sofia Ek"),
            ("p", "Bygglovshandläggare"),
        ],
    ),
    Spec(
        "stockholm/brev-02-utan-kontakt.docx",
        "Fastighetskontoret",
        title="Information om höjd arrendeavgift",
        header=["Stockholms stad", "Fastighetskontoret"],
        footer=["Fastighetskontoret"],
        body=[
            ("p", "2024-11-29"),
            ("p", "Till dig som arrenderar en koloniträdgård i Pungpinan"),
            ("h1", "Arrendeavgiften höjs från 1 januari"),
            (
                "p",
                "Den 1 januari 2025 höjs arrendeavgiften för koloniträdgårdarna i Pungpinan från 1 850 till 2 100 kronor om året. Höjningen följer det avtal som föreningen har skrivit under och som räknas upp med konsumentprisindex.",
            ),
            ("p", "Den nya avgiften står på fakturan som kommer i februari. Du behöver inte göra något."),
            ("p", "Vänliga hälsningar"),
            ("p", "Fastighetskontoret"),
        ],
    ),
    Spec(
        "stockholm/tut-01-forskolelokal.docx",
        "Henrik Sjögren",
        title="Ny förskolelokal på Fridhemsgatan",
        header=[
            "Kungsholmens stadsdelsförvaltning | Tjänsteutlåtande",
            "Avdelningen för förskola | Dnr KUN 2025/0187",
            "Handläggare Henrik Sjögren | Sida 1 (2)",
            "Telefon 508 08 066 | 2025-04-22",
        ],
        footer=[
            "Kungsholmens stadsdelsförvaltning · Lindhagensgatan 74 · Box 49039, 100 28 Stockholm · Växel 08-508 08 000 · start.stockholm"
        ],
        body=[
            ("p", "Till Kungsholmens stadsdelsnämnd 2025-05-15"),
            ("h1", "Ny förskolelokal på Fridhemsgatan 31"),
            ("h2", "Förslag till beslut"),
            (
                "p",
                "1. Kungsholmens stadsdelsnämnd godkänner att förvaltningen hyr lokalen på Fridhemsgatan 31 för en förskola med fyra avdelningar.",
            ),
            ("p", "2. Stadsdelsnämnden begär hos kommunfullmäktige att få höja investeringsramen med 3,2 miljoner kronor för inredning."),
            ("p", "Anna Grahn"),
            ("p", "Stadsdelsdirektör"),
            ("h2", "Sammanfattning"),
            (
                "p",
                "Antalet förskolebarn på västra Kungsholmen ökar med omkring 80 barn fram till 2028. Förvaltningen föreslår att nämnden hyr en lokal i ett nytt bostadshus på Fridhemsgatan. Hyran är 1,1 miljoner kronor om året i tio år.",
            ),
            ("h2", "Ärendets beredning"),
            (
                "p",
                "Ärendet har beretts inom avdelningen för förskola tillsammans med fastighetskontoret. Förvaltningsgruppen har fått information.",
            ),
            ("h2", "Förvaltningens synpunkter och förslag"),
            (
                "p",
                "Förvaltningen bedömer att lokalen passar bra för förskola. Den har en egen gård och ligger nära Rålambshovsparken. Alternativet är tillfälliga paviljonger, som blir dyrare på sikt.",
            ),
            ("p", "Bilagor"),
            ("p", "1. Ritning över lokalen"),
            ("p", "2. Hyresavtal, utkast"),
        ],
    ),
    Spec(
        "stockholm/tut-02-utan-dnr.docx",
        "Elin Åberg",
        title="Svar på remiss om cykelplan",
        header=["Trafikkontoret", "Tjänsteutlåtande", "Sida 1 (2)"],
        footer=["Trafikkontoret · Fleminggatan 4 · Box 8311, 104 20 Stockholm · Telefon 08-508 27 200 · trafikkontoret@stockholm.se"],
        body=[
            ("p", "2025-01-30"),
            ("p", "Handläggare: Elin Åberg, 08-508 26 118"),
            ("p", "Till Trafiknämnden 2025-02-20"),
            ("h1", "Svar på remiss om regional cykelplan"),
            ("h2", "Förslag till beslut"),
            ("p", "1. Trafiknämnden överlämnar tjänsteutlåtandet till Region Stockholm som svar på remissen."),
            ("h2", "Sammanfattning"),
            (
                "p",
                "Region Stockholm har tagit fram ett förslag till regional cykelplan. Trafikkontoret ser positivt på planen men anser att den bör ge mer plats åt cykelparkering vid pendeltågsstationerna.",
            ),
            ("h2", "Trafikkontorets synpunkter"),
            (
                "p",
                "Planen pekar ut de stråk som staden redan bygger ut. Kontoret föreslår att regionen tar med sträckan Skärholmen–Kungens kurva, som i dag saknar en sammanhängande cykelbana.",
            ),
            ("p", "Bilagor"),
            ("p", "Region Stockholms remiss"),
        ],
    ),
    Spec(
        "stockholm/beslut-07-skolskjuts.docx",
        "Utbildningsförvaltningen",
        title="Beslut om skolskjuts",
        header=["Stockholms stad | Beslut", "Utbildningsförvaltningen | 2025-06-10", "Skolskjutsenheten | Dnr E2025:04417"],
        footer=["Utbildningsförvaltningen · Box 22049, 104 22 Stockholm · Telefon 08-508 33 000 · skolskjuts@edu.stockholm.se"],
        body=[
            ("p", "Till vårdnadshavare för Elsa Nyberg"),
            ("h1", "Beslut om skolskjuts läsåret 2025/26"),
            ("p", "Utbildningsnämnden avslår er ansökan om skolskjuts för Elsa Nyberg till Sjöstadsskolan."),
            ("h2", "Om ni vill överklaga"),
            (
                "p",
                "Ni kan överklaga beslutet hos förvaltningsrätten. Skriv vilket beslut ni överklagar och skicka brevet till Utbildningsnämnden, Box 22049, 104 22 Stockholm. Överklagandet måste ha kommit in inom tre veckor från den dag ni fick del av beslutet.",
            ),
            ("p", "Har ni frågor kan ni ringa skolskjutsenheten på 08-508 33 250."),
            ("p", "Skolskjutsenheten"),
        ],
    ),
    Spec(
        "stockholm/brev-03-kallelse-utan-datum.docx",
        "Linda Borg",
        title="Kallelse till samtal",
        header=["Stockholms stad", "Spånga-Tensta stadsdelsförvaltning", "Enheten för barn och unga"],
        footer=["Spånga-Tensta stadsdelsförvaltning · Box 4011, 163 04 Spånga · Telefon 08-508 03 000 · spanga-tensta@stockholm.se"],
        body=[
            ("p", "Hej Samira!"),
            ("h1", "Välkommen på ett samtal om Yasmins skolgång"),
            (
                "p",
                "Vi vill träffa dig för att prata om hur Yasmin har det i skolan och om det stöd hon kan få. Mentorn från skolan är också med.",
            ),
            ("p", "Tid: tisdag 14 oktober klockan 15.30"),
            ("p", "Plats: Tensta träff, Tenstaplan 8"),
            ("p", "Samtalet tar ungefär en timme. Om tiden inte passar kan du ringa mig så bokar vi en ny."),
            ("p", "Om du behöver tolk, säg till senast en vecka innan."),
            ("p", "Hälsningar"),
            ("p", "Linda Borg"),
            ("p", "Socialsekreterare, 08-508 03 287"),
        ],
    ),
    Spec(
        "malmo/beslut-01-livsmedel.docx",
        "Jakob Nord",
        title="Beslut om registrering av livsmedelsanläggning",
        header=["Malmö stad | Beslut", "Miljöförvaltningen | 2025-03-12", "Livsmedelsenheten | Dnr 2025-002417"],
        footer=[
            "Miljöförvaltningen, 205 80 Malmö · Besöksadress Bergsgatan 17 · Telefon 040-34 10 00 · miljoforvaltningen@malmo.se · malmo.se"
        ],
        body=[
            ("p", "Café Limhamnsfik AB"),
            ("p", "Limhamnsvägen 88"),
            ("p", "216 12 Limhamn"),
            ("h1", "Beslut om registrering av livsmedelsanläggning"),
            (
                "p",
                "Miljönämnden registrerar er anläggning för servering av kaffe, smörgåsar och bakverk på Limhamnsvägen 88. Anläggningen placeras i riskklass 6, och den årliga kontrollavgiften blir 2 610 kronor.",
            ),
            ("h2", "Skäl för beslutet"),
            (
                "p",
                "Ni har anmält verksamheten i tid och lämnat de uppgifter vi behöver. Vi bedömer att verksamheten har en låg risk eftersom ni inte tillagar varm mat och tar emot färdiga bakverk från ett registrerat bageri.",
            ),
            ("h2", "Hur man överklagar"),
            (
                "p",
                "Om ni vill överklaga beslutet ska ni skriva till länsstyrelsen i Skåne, men skicka överklagandet till Miljönämnden, 205 80 Malmö. Överklagandet måste ha kommit in inom tre veckor från den dag ni fick del av beslutet.",
            ),
            ("p", "Jakob Nord"),
            ("p", "Livsmedelsinspektör, 040-34 22 81"),
        ],
    ),
    Spec(
        "stockholm/brev-05-startbesked.docx",
        "Erik Sand",
        title="Startbesked",
        header=["Stockholms stad | 2025-05-12", "Stadsbyggnadskontoret | Dnr 2025-03310", "Bygglovsavdelningen Väst | Sida 1 (1)"],
        footer=SBK_FOOTER,
        body=[
            ("p", "Kerstin Åberg"),
            ("p", "Vinstavägen 40"),
            ("p", "162 43 Vällingby"),
            ("p", "Hej Kerstin!"),
            (
                "p",
                "Vi har gått igenom kontrollplanen för din nya carport och den är godkänd. Du kan börja bygga när du vill. Kom ihåg att carporten ska stå minst 4,5 meter från gatan, som ritningen visar.",
            ),
            (
                "p",
                "När carporten är klar skickar du in ett foto och en kort beskrivning av vad du har gjort. Sedan får du ett slutbesked från oss.",
            ),
            ("p", "Hör gärna av dig om något är oklart. Du når mig på 08-508 27 655."),
            ("p", "Med vänlig hälsning"),
            ("p", "Erik Sand"),
            ("p", "Bygglovshandläggare"),
        ],
    ),
    Spec(
        "tyreso/beslut-01-strandskydd.docx",
        "Maria Gran",
        title="Beslut om strandskyddsdispens",
        header=["Tyresö kommun | Beslut", "Samhällsbyggnadsförvaltningen | 2025-04-02", "Miljöenheten | Dnr MBN 2025-000214"],
        footer=["Tyresö kommun · 135 81 Tyresö · Besöksadress Marknadsvägen 2 · Telefon 08-578 291 00 · tyreso.kommun@tyreso.se"],
        body=[
            ("p", "Jonas Lindqvist"),
            ("p", "Sjövägen 8"),
            ("p", "135 49 Tyresö"),
            ("h1", "Beslut om strandskyddsdispens för en brygga"),
            ("h2", "Beslut"),
            (
                "p",
                "Miljö- och byggnämnden ger dispens från strandskyddet för en brygga på högst 12 meter vid fastigheten Solberga 3:12. Bryggan ska placeras så som kartan i bilaga 1 visar.",
            ),
            ("h2", "Skäl för beslutet"),
            (
                "p",
                "Bryggan behövs för att du ska kunna ta dig till och från fastigheten med båt, och den kan inte placeras utanför strandskyddsområdet. Allmänheten kan fortfarande gå längs stranden. Beslutet grundar sig på 7 kap. 18 c § miljöbalken.",
            ),
            ("h2", "Hur man överklagar"),
            (
                "p",
                "Du kan överklaga beslutet till länsstyrelsen. Skicka överklagandet till Miljö- och byggnämnden, Tyresö kommun, 135 81 Tyresö. Det måste ha kommit in inom tre veckor från den dag du fick del av beslutet.",
            ),
            ("p", "Maria Gran"),
            ("p", "Miljöinspektör"),
        ],
    ),
]


def main() -> None:
    for spec in SPECS:
        build(spec)
        print(spec.path)


if __name__ == "__main__":
    main()
