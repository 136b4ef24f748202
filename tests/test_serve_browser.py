"""`kommlint serve` in a real browser: Playwright driving Debian's Chromium.

Skipped when /usr/bin/chromium or Playwright is missing (no browser is ever downloaded).
Screenshots and downloaded reports are kept under artifacts/serve/.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Chromium saknas (/usr/bin/chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

from lint.serve.runner import BackgroundServer  # noqa: E402
from lint.serve.service import CheckService  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "serve"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TEXT = "Du erhåller beslutet inom två veckor.\n\nAnsökan ska ha inkommit senast den 1 juni."
TIMEOUT = 15_000
sync_api.expect.set_options(timeout=TIMEOUT)  # a shared CI machine can be slow
# Elements whose text contrast is below WCAG AA (4.5:1) against their own or a parent's background.
CONTRAST_SCRIPT = """() => {
  const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (node) => {
    for (; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length < 4 || color[3] > 0) return color;
    }
    return [255, 255, 255];
  };
  const failing = [];
  for (const node of document.querySelectorAll("p, label, button, mark, dt, dd, h1, h2, h3, h4, li, span")) {
    if (!node.textContent.trim() || node.getClientRects().length === 0) continue;
    const a = luminance(rgb(getComputedStyle(node).color));
    const b = luminance(background(node));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) failing.push(node.tagName + ": " + node.textContent.slice(0, 30) + " " + ratio.toFixed(2));
  }
  return failing;
}"""


@pytest.fixture(scope="module")
def service() -> CheckService:
    service = CheckService()
    service.warm_up()
    return service


@pytest.fixture(scope="module")
def server(service):
    with BackgroundServer(service) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, request):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='true']")
    page.problems = problems
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert problems == [], problems  # no script errors, CSP or Trusted Types violations, dialogs


# The page's CSP forbids eval, so waits use locators (never wait_for_function with a string).
def checked(page) -> None:
    sync_api.expect(page.locator("#status")).to_have_text(re.compile("^Granskat"))


def paste(page, text: str) -> None:
    """Paste as a user does: the paste event, then the text; the marked text replaces the box."""
    page.dispatch_event("#text", "paste")
    page.fill("#text", text)
    checked(page)
    sync_api.expect(page.locator("#dokument")).to_be_visible()


def marks(page, code: str) -> list[str]:
    return page.locator(f"#dokument mark[data-code='{code}']").all_text_contents()


def test_pasted_text_shows_highlights_and_grouped_list(page):
    paste(page, TEXT)
    assert marks(page, "KLAR001") == ["erhåller", "inkommit"]
    klarsprak = page.locator("#fyndlista section[data-principle='klarspråk']")
    assert klarsprak.locator("h4").text_content().startswith("Klarspråk (")
    items = klarsprak.locator("button.finding").all_text_contents()
    assert any(item.startswith("KLAR001 · varning · rad 1: Krångligt ord: skriv hellre ”får” än ”erhåller”.") for item in items)
    assert any("rad 3" in item and "inkommit" in item for item in items)
    assert "Profil: " in page.text_content("#profilinfo")
    # Clicking the highlight opens the rule's explanation, source and suggestion.
    page.locator("#dokument mark[data-code='KLAR001']", has_text="erhåller").click()
    detail = page.locator("#detalj")
    detail.locator("text=Vad regeln gör").wait_for()
    assert page.text_content("#detalj-rubrik") == "KLAR001 krangelord"
    text = detail.text_content()
    assert "Krångligt ord: skriv hellre ”får” än ”erhåller”." in text
    assert "Språklagen (2009:600)" in text and "Förslag" in text and "får" in text
    assert page.locator("#dokument mark.selected").all_text_contents() == ["erhåller"]


def test_profile_is_detected_and_can_be_chosen(page):
    paste(page, TEXT)
    assert page.text_content("#profilinfo") == "Profil: Webbsida – standardprofil (ingen annan profil kändes igen)."
    assert page.locator("#profil option").first.text_content() == "Känn igen automatiskt (nu: Webbsida)"
    page.select_option("#profil", "brev")
    sync_api.expect(page.locator("#profilinfo")).to_have_text("Profil: Brev – vald av dig i listan.")


def test_readability_panel_has_metrics_and_a_bar_per_paragraph(page):
    long_paragraph = (
        "Du erhåller beslutet inom två veckor efter att vi har fått alla handlingar, "
        "och om något saknas hör vi av oss till dig per telefon eller brev."
    )
    paste(page, long_paragraph + "\n\nRing oss på 08-508 000 00.")
    terms = page.locator("#matt dt").all_text_contents()
    assert terms == ["LIX", "OVIX", "Nominalkvot", "Ord", "Meningar", "Andel passiv"]
    bars = page.locator("#diagram li").all_text_contents()
    assert len(bars) == 1  # the contact line is too short to rate
    assert bars[0].startswith("Stycke 1 ”Du erhåller beslutet inom två veckor …”: LIX ") and bars[0].endswith(" 27 ord")


def test_apply_suggestion_with_the_keyboard(page):
    paste(page, TEXT)
    page.locator("button.finding", has_text="erhåller").focus()
    page.keyboard.press("Enter")
    page.locator("#detalj-rubrik:focus").wait_for()  # the explanation gets the focus
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "stang-detalj"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "anvand-forslaget"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # visible focus
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#text")).to_have_value(TEXT.replace("erhåller", "får"))
    sync_api.expect(page.locator("#dokument mark[data-code='KLAR001']")).to_have_count(1)
    assert marks(page, "KLAR001") == ["inkommit"]


def test_offsets_stay_right_after_emoji(page):
    text = "Hej 👋🏽 och välkommen! Du erhåller beslutet snart 🎉.\n"
    paste(page, text)
    assert marks(page, "KLAR001") == ["erhåller"]
    page.locator("#dokument mark[data-code='KLAR001']").click()
    page.click("#anvand-forslaget")
    sync_api.expect(page.locator("#text")).to_have_value(text.replace("erhåller", "får"))


def test_pasted_markup_is_shown_as_text(page):
    hostile = '<script>window.hacked = 1</script> <img src=x onerror="window.hacked = 2"> Du erhåller svar.'
    paste(page, hostile)
    shown = page.text_content("#dokument")
    assert "<script>window.hacked = 1</script>" in shown and '<img src=x onerror="window.hacked = 2">' in shown
    assert page.locator("#dokument script, #dokument img").count() == 0
    assert page.locator("#fyndlista img, #fyndlista script").count() == 0
    assert page.evaluate("window.hacked") is None
    assert marks(page, "KLAR001") == ["erhåller"]


def test_docx_upload_shows_its_findings(page, service):
    docx = pytest.importorskip("docx")
    if ".docx" not in service.upload_extensions():
        pytest.skip("DOCX-läsaren finns inte ännu")
    document = docx.Document()
    document.add_heading("Svar på din ansökan", level=1)
    document.add_paragraph("Ansökan ska ha inkommit senast den 1 juni.")
    buffer = io.BytesIO()
    document.save(buffer)
    page.set_input_files(
        "#fil",
        files=[
            {
                "name": "ansokan.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "buffer": buffer.getvalue(),
            }
        ],
    )
    checked(page)
    assert marks(page, "KLAR001") == ["inkommit"]
    page.locator("#dokument mark[data-code='KLAR001']").click()
    page.locator("#detalj >> text=Vad regeln gör").wait_for()
    if page.locator("#anvand-forslaget").count():
        assert page.locator("#anvand-forslaget").is_disabled()  # fixes apply to pasted text only


def test_dropped_file_is_checked(page):
    transfer = page.evaluate_handle(
        "() => { const t = new DataTransfer(); t.items.add(new File(['# Svar\\n\\nNi erhåller svar snart.\\n'], 'utkast.md', {type: 'text/markdown'})); return t; }"
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    checked(page)
    assert marks(page, "KLAR001") == ["erhåller"]
    assert page.locator("#dokument p.heading").text_content() == "Svar"


def test_long_text_waits_for_the_button(browser, service):
    with BackgroundServer(service, max_live_chars=60) as small:
        context = browser.new_context()
        page = context.new_page()
        page.goto(small.url)
        page.wait_for_selector("body[data-ready='true']")
        page.fill("#text", TEXT)
        sync_api.expect(page.locator("#status")).to_have_text(re.compile("^Texten är lång"))
        page.wait_for_timeout(800)  # longer than the debounce: still no check
        assert page.locator("#dokument mark").count() == 0
        page.click("#granska")
        checked(page)
        assert marks(page, "KLAR001") == ["erhåller", "inkommit"]
        context.close()


def test_download_html_report(page):
    paste(page, "Hej <b>du</b>. Du erhåller svar.")
    with page.expect_download() as info:
        page.click("#rapport-html")
    download = info.value
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "rapport.html"
    download.save_as(str(target))
    report = target.read_text(encoding="utf-8")
    assert download.suggested_filename == "kommlint-rapport.html"
    assert "Hej &lt;b&gt;du&lt;/b&gt;" in report and "KLAR001" in report


def test_page_reflows_at_200_percent_zoom(browser, server):
    # 200 % zoom of a 1280 px window is a 640 CSS px viewport.
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='true']")
    paste(page, TEXT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "zoom-200.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # Every control has a label.
    unlabelled = page.evaluate(
        "Array.from(document.querySelectorAll('textarea, select, input')).filter(e => !e.labels || e.labels.length === 0).map(e => e.id)"
    )
    assert unlabelled == []
    assert page.evaluate(CONTRAST_SCRIPT) == []
    assert page.get_attribute("html", "lang") == "sv"
    context.close()


# The editor keeps the text in view -----------------------------------------------------

FILLER = "Stadsbyggnadsnämnden behandlar ansökan om bygglov på sitt möte i maj. " * 3
LONG_TEXT = "\n\n".join([FILLER] * 14 + ["Du erhåller beslutet inom två veckor."] + [FILLER] * 4)
SIZES = {"dator": {"width": 1366, "height": 768}, "mobil": {"width": 390, "height": 844}}


def inside(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= -1 and box["y"] + min(box["height"], 60) <= viewport["height"] + 1 and box["x"] >= -1


@pytest.mark.parametrize("size", SIZES)
def test_summary_and_explanation_stay_in_view_after_a_click(browser, server, size):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='true']")
    paste(page, LONG_TEXT)
    mark = page.locator("#dokument mark[data-code='KLAR001']", has_text="erhåller")
    mark.scroll_into_view_if_needed()
    mark.click()
    page.locator("#detalj >> text=Vad regeln gör").wait_for()
    page.wait_for_timeout(300)  # let the scroll settle
    summary, card, heading = (page.locator(s).bounding_box() for s in ("#sammanfattning", "#detalj", "#detalj-rubrik"))
    viewport = SIZES[size]
    assert summary["y"] >= 0 and summary["y"] + summary["height"] <= viewport["height"]  # the whole bar
    assert 0 <= heading["y"] and heading["y"] + heading["height"] <= viewport["height"]  # the card's heading
    assert card["y"] < viewport["height"] and card["y"] + card["height"] > 0
    clicked = mark.bounding_box()
    assert summary["y"] + summary["height"] <= clicked["y"] and clicked["y"] + clicked["height"] <= viewport["height"]
    if size == "mobil":  # the card opens over the lower part of the window; the mark stays above it
        assert clicked["y"] + clicked["height"] <= card["y"]
    else:  # beside the text
        assert card["x"] >= clicked["x"] + clicked["width"]
    assert re.fullmatch(r"Granskat: \d+ fynd\.", page.text_content("#status"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"redigerare-{size}-{viewport['width']}x{viewport['height']}.png"))
    # A click in the list keeps the list where it was and brings the mark into view.
    page.locator("#stang-detalj").click()
    page.locator("button.finding", has_text="erhåller").click()
    page.locator("#detalj >> text=Vad regeln gör").wait_for()
    page.wait_for_timeout(300)
    assert inside(page, "#sammanfattning"), page.locator("#sammanfattning").bounding_box()
    assert inside(page, "#detalj-rubrik"), (page.locator("#detalj-rubrik").bounding_box(), page.locator("#detalj").bounding_box())
    if size == "dator":
        assert inside(page, "#dokument mark[data-code='KLAR001']")
    context.close()


def test_marks_are_reached_and_opened_with_the_keyboard(page):
    paste(page, TEXT)
    first = page.locator("#dokument mark.f").first
    assert first.get_attribute("role") == "button" and first.get_attribute("tabindex") == "0"
    label = page.locator("#dokument mark[data-code='KLAR001']", has_text="erhåller").get_attribute("aria-label")
    assert label == "erhåller – KLAR001, varning: Krångligt ord: skriv hellre ”får” än ”erhåller”."
    first.focus()
    codes = [page.evaluate("document.activeElement.dataset.code")]
    for _ in range(page.locator("#dokument mark.f").count() - 1):
        page.keyboard.press("ArrowRight")
        codes.append(page.evaluate("document.activeElement.dataset.code"))
    assert codes == [m.get_attribute("data-code") for m in page.locator("#dokument mark.f").all()]
    page.keyboard.press("Home")
    page.locator("#dokument mark[data-code='KLAR001']", has_text="erhåller").focus()
    page.keyboard.press("Enter")
    page.locator("#detalj-rubrik:focus").wait_for()
    assert page.locator("#dokument mark[data-code='KLAR001']", has_text="erhåller").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    sync_api.expect(page.locator("#detalj")).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "erhåller"  # back where the user was
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "MARK"  # Tab goes on to the next finding
    page.locator("button.finding").first.focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.finding") == page.locator("button.finding").nth(1).get_attribute("data-finding")


def test_nothing_but_the_input_before_the_first_check(page):
    for hidden in ("#sammanfattning", "#fynd", "#resultat", "#granskad", "#detalj", "#redigera"):
        sync_api.expect(page.locator(hidden)).to_be_hidden()
    assert page.locator("label[for='fil']").text_content() == "Välj fil …"
    assert page.text_content("#fil-namn") == "Ingen fil vald"  # not the browser's own (English) words


def test_edit_toggle_brings_back_the_text_box(page):
    paste(page, TEXT)
    sync_api.expect(page.locator("#text")).to_be_hidden()
    page.click("#redigera")
    sync_api.expect(page.locator("#text")).to_be_focused()
    assert page.input_value("#text") == TEXT
    sync_api.expect(page.locator("#dokument")).to_be_hidden()


def test_no_button_says_why_and_ovix_dash_is_explained(page):
    paste(page, "Vi kommer att tillhandahålla information om ansökan.")
    page.locator("#dokument mark[data-code='KLAR001']").click()
    page.locator("#detalj >> text=Vad regeln gör").wait_for()
    assert page.locator("#anvand-forslaget").count() == 0
    assert (
        page.text_content("#detalj .no-fix") == "Ingen knapp för förslaget: det kan ändra vad texten betyder, så skriv om meningen själv."
    )
    ovix = page.locator("#matt dd").nth(1).text_content()
    assert ovix == "– (ordvariationen mäts i texter med minst 100 ord)"


def test_pdf_findings_show_the_page(page):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 6, "Sida ett har inget fel.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "Inledning.\nDu erhaller inget.\nAvgiften ar 40000 kronor.")
    page.set_input_files("#fil", files=[{"name": "beslut.pdf", "mimeType": "application/pdf", "buffer": bytes(pdf.output())}])
    checked(page)
    assert page.text_content("#fil-namn") == "beslut.pdf"
    item = page.locator("button.finding", has_text="KLAR014").text_content()
    assert "sida 2, rad 3:" in item
    page.locator("button.finding", has_text="KLAR014").click()
    page.locator("#detalj >> text=Vad regeln gör").wait_for()
    assert "Platssida 2, rad 3, kolumn 13Träff" in page.text_content("#detalj dl")


def test_word_file_comes_back_with_comments(page):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Du skall erhålla beslutet snarast.")
    buffer = io.BytesIO()
    document.save(buffer)
    sync_api.expect(page.locator("#word-kommentarer")).to_be_hidden()
    page.set_input_files("#fil", files=[{"name": "utkast.docx", "mimeType": "application/octet-stream", "buffer": buffer.getvalue()}])
    checked(page)
    button = page.get_by_role("button", name="Ladda ner Word-filen med kommentarer")
    sync_api.expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"]  # offered where the text is, not below it
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "utkast.kommlint.docx"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "utkast.kommlint.docx"
    download.save_as(str(target))
    comments = [c for c in docx.Document(str(target)).comments if c.author == "kommlint"]
    assert any(c.text.startswith("Ålderdomlig form: skriv ”ska”") for c in comments)
    sync_api.expect(page.locator("#status")).to_have_text(re.compile("^Word-filen med kommentarer är nedladdad"))
