"""Small test sites around an accessibility statement, served like tests/crawl_site.py.

`StatementSite(statement)` has a start page and two articles; with a statement (a key of
STATEMENTS) the start page's footer links to it. A helper module, no tests of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawl_site import Site

HTML = "text/html; charset=utf-8"
STATEMENT_PATH = "/om-webbplatsen/tillganglighetsredogorelse.html"

STATUS = "<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service.</p>"
CONTENT = (
    "<h2>Innehåll som inte är tillgängligt</h2>"
    "<p>Några kartor saknar textalternativ. Att beskriva varje karta vore oskäligt betungande.</p>"
)
METHOD = "<h2>Hur vi testat webbplatsen</h2><p>Vi har gjort en självskattning av webbplatsen.</p>"
CONTACT = (
    "<h2>Rapportera brister</h2><p>Om du hittar problem med tillgängligheten kan du rapportera det till tillganglighet@example.se.</p>"
)
COMPLAINT = (
    "<p>Är du inte nöjd med vårt svar kan du anmäla det till "
    '<a href="https://www.digg.se/tdosanmalan">Myndigheten för digital förvaltning</a>.</p>'
)


def statement(parts: str, reviewed: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Tillgänglighet</title></head>\n'
        f"<body><main>\n<h1>Tillgänglighetsredogörelse</h1>\n<p>Stockholms stad står bakom webbplatsen.</p>\n{parts}\n"
        f"<p>Redogörelsen uppdaterades senast den {reviewed}.</p>\n</main></body></html>\n"
    )


STATEMENTS = {
    "complete": statement(STATUS + CONTENT + METHOD + CONTACT + COMPLAINT, "15 september 2026"),
    "missing_parts": statement(STATUS + CONTENT, "15 september 2026"),
    "outdated": statement(STATUS + CONTENT + METHOD + CONTACT + COMPLAINT, "1 juni 2025"),
}


def page(title: str, body: str, footer: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body><main><h1>{title}</h1>\n{body}\n</main><footer>{footer}</footer></body></html>\n"
    )


@dataclass
class StatementSite(Site):
    statement: str | None = None

    def build(self, base: str) -> None:
        self.base = base
        footer = f'<a href="{STATEMENT_PATH}">Tillgänglighet</a>' if self.statement else ""
        links = '<p><a href="/sida/1.html">Förskola</a> och <a href="/sida/2.html">Bygglov</a>.</p>'
        self.content["/"] = (HTML, page("Välkommen", links, footer).encode())
        self.content["/sida/1.html"] = (HTML, page("Förskola", "<p>Du kan ansöka om plats i förskola.</p>", footer).encode())
        self.content["/sida/2.html"] = (HTML, page("Bygglov", "<p>Du behöver bygglov för att bygga till.</p>", footer).encode())
        if self.statement:
            self.content[STATEMENT_PATH] = (HTML, STATEMENTS[self.statement].encode())
