"""`kommlint serve` over HTTP (Starlette's TestClient): security checks and the JSON API."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")

from starlette.testclient import TestClient  # noqa: E402

from lint.serve.app import ServeConfig, create_app  # noqa: E402
from lint.serve.service import CheckService  # noqa: E402

TOKEN = "test-token-123"
BASE = "http://127.0.0.1:8765"
TEXT = "Du erhåller beslutet inom två veckor.\n"


@pytest.fixture(scope="module")
def service() -> CheckService:
    return CheckService()


@pytest.fixture(scope="module")
def client(service) -> TestClient:
    config = ServeConfig(port=8765, token=TOKEN, max_upload_bytes=200_000, max_text_chars=50_000)
    return TestClient(create_app(service, config), base_url=BASE)


def auth(**headers: str) -> dict[str, str]:
    return {"X-Kommlint-Token": TOKEN, **headers}


def check(client, text: str, view: bool = False, **fields):
    return client.post("/api/check" + ("?view=1" if view else ""), json={"text": text, **fields}, headers=auth())


def codes(data) -> list[tuple[str, str, int, int]]:
    return [(d["code"], d["match"], d["line"], d["column"]) for d in data["files"][0]["diagnostics"]]


# Security -------------------------------------------------------------------------------
def test_page_embeds_token_and_sets_strict_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert f'<meta name="kommlint-token" content="{TOKEN}">' in response.text
    assert '<html lang="sv">' in response.text
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "require-trusted-types-for 'script'" in csp
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "attacker.test"])
def test_foreign_host_header_is_refused(client, host):
    for path in ("/", "/api/settings"):
        response = client.get(path, headers=auth(host=host))
        assert response.status_code == 403
        assert "Host" in response.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765"])
def test_local_host_names_are_accepted(client, host):
    assert client.get("/api/settings", headers=auth(host=host)).status_code == 200


def test_api_without_or_with_wrong_token_is_refused(client):
    assert client.post("/api/check", json={"text": TEXT}).status_code == 403
    assert client.post("/api/check", json={"text": TEXT}, headers={"X-Kommlint-Token": "fel"}).status_code == 403
    assert client.get("/api/rules/KLAR001").status_code == 403
    refused = client.get("/api/settings")
    assert refused.status_code == 403 and "Nyckeln" in refused.json()["error"]


def test_cross_site_origin_is_refused_even_with_token(client):
    response = client.post("/api/check", json={"text": TEXT}, headers=auth(origin="https://evil.example"))
    assert response.status_code == 403
    assert check(client, TEXT).status_code == 200
    same = client.post("/api/check", json={"text": TEXT}, headers=auth(origin=BASE))
    assert same.status_code == 200


def test_extra_host_from_options_is_accepted(service):
    config = ServeConfig(host="0.0.0.0", port=8000, token=TOKEN, extra_hosts=("kommlint.intra",))
    client = TestClient(create_app(service, config), base_url="http://kommlint.intra:8000")
    assert client.get("/api/settings", headers=auth()).status_code == 200
    assert client.get("/api/settings", headers=auth(host="evil.example:8000")).status_code == 403


def test_oversized_body_and_unknown_file_type_are_refused(client):
    big = client.post("/api/check", content=b"x" * 200_001, headers=auth(**{"content-type": "application/json"}))
    assert big.status_code == 413
    assert "för stor" in big.json()["error"]
    upload = client.post("/api/check", files={"file": ("skript.exe", b"MZ\x00\x00", "application/octet-stream")}, headers=auth())
    assert upload.status_code == 415
    assert "Filtypen .exe" in upload.json()["error"]
    long_text = check(client, "ord " * 12_600)
    assert long_text.status_code == 413


def test_bad_requests_get_swedish_errors(client):
    assert (
        client.post("/api/check", content=b"{", headers=auth(**{"content-type": "application/json"})).json()["error"]
        == "Anropet innehåller inte giltig JSON."
    )
    assert "text" in client.post("/api/check", json={"txt": "x"}, headers=auth()).json()["error"]
    assert check(client, TEXT, profile="finnsinte").status_code == 400
    assert check(client, TEXT, format="docx").status_code == 400
    assert client.post("/api/check", content=b"abc", headers=auth(**{"content-type": "text/plain"})).status_code == 415


def test_unknown_addresses_and_wrong_methods_get_swedish_errors(client):
    page = client.get("/finns-inte")
    assert page.status_code == 404 and page.text == "Adressen /finns-inte finns inte. Sidan finns på /."
    assert client.get("/static/saknas.js").text == "Adressen /static/saknas.js finns inte. Sidan finns på /."
    api = client.get("/api/okand", headers=auth())
    assert api.status_code == 404 and api.json() == {"error": "Adressen /api/okand finns inte."}
    wrong = client.get("/api/check", headers=auth())
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"
    assert wrong.json() == {"error": "Metoden GET används inte för /api/check; använd POST."}
    assert client.post("/", headers=auth()).text == "Metoden POST används inte för /; använd GET, HEAD."


def test_upload_file_name_cannot_reach_the_file_system(client):
    response = client.post("/api/check", files={"file": ("../../etc/passwd.txt", TEXT.encode(), "text/plain")}, headers=auth())
    assert response.status_code == 200
    assert response.json()["files"][0]["path"] == "passwd.txt"
    assert ("KLAR001", "erhåller", 1, 4) in codes(response.json())


# The API ----------------------------------------------------------------------------------
def test_check_returns_the_cli_json(client):
    data = check(client, TEXT, select=None).json()
    assert data["version"] == 1 and set(data) == {"version", "tool", "files", "summary", "notices"} | ({"model"} & set(data))
    file = data["files"][0]
    assert file["path"] == "inklistrad text"
    assert ("KLAR001", "erhåller", 1, 4) in codes(data)
    finding = next(d for d in file["diagnostics"] if d["code"] == "KLAR001")
    assert (finding["offset"], finding["end_offset"]) == (3, 11)
    assert finding["fix"] == {"safety": "safe", "edits": [{"offset": 3, "end_offset": 11, "replacement": "får"}]}
    assert file["profile_source"] in {"default", "detected"}
    assert "view" not in data


def test_view_maps_findings_onto_block_text(client):
    long_line = "Vi erhöll under förra veckan er ansökan om bygglov för ett nytt garage"
    text = f"Rubrik\n\nFörsta stycket är kort.\n\n{long_line}\noch avgiften erlägges senare.\n"
    data = check(client, text, view=True).json()
    diagnostics = data["files"][0]["diagnostics"]
    blocks = data["view"]["blocks"]
    assert [block["text"] for block in blocks] == ["Rubrik", "Första stycket är kort.", long_line + " och avgiften erlägges senare."]
    marked = {diagnostics[m["finding"]]["match"]: blocks[2]["text"][m["start"] : m["end"]] for m in blocks[2]["marks"]}
    assert marked["erhöll"] == "erhöll" and marked["erlägges"] == "erlägges"
    assert blocks[1]["metrics"] is None and blocks[2]["metrics"] is None  # too short for a LIX to say anything
    assert data["view"]["metrics"]["band"] in {"mycket lätt", "lätt", "medelsvår", "svår", "mycket svår"}


def test_profile_choice_is_passed_and_reported(client):
    data = check(client, TEXT, profile="webbsida").json()["files"][0]
    assert (data["profile"], data["profile_source"]) == ("webbsida", "cli")


def test_markdown_upload_is_linted_with_its_reader(client):
    source = "# Beslut om bygglov\n\nNi erhåller svar i **god tid**.\n"
    response = client.post("/api/check?view=1", files={"file": ("utkast.md", source.encode(), "text/markdown")}, headers=auth())
    data = response.json()
    assert data["files"][0]["format"] == "markdown"
    assert ("KLAR001", "erhåller", 3, 4) in codes(data)
    assert [b["text"] for b in data["view"]["blocks"]] == ["Beslut om bygglov", "Ni erhåller svar i god tid."]


def test_docx_upload(client, service):
    docx = pytest.importorskip("docx")
    if ".docx" not in service.upload_extensions():
        pytest.skip("DOCX-läsaren finns inte ännu")
    document = docx.Document()
    document.add_paragraph("Ansökan ska ha inkommit senast den 1 juni.")
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post("/api/check", files={"file": ("ansokan.docx", buffer.getvalue(), "application/octet-stream")}, headers=auth())
    data = response.json()
    assert data["files"][0]["format"] == "docx"
    assert "inkommit" in [d["match"] for d in data["files"][0]["diagnostics"] if d["code"] == "KLAR001"]


def test_word_upload_comes_back_with_comments(client):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Du skall erhålla beslutet.")
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post(
        "/api/annotate", files={"file": ("utkast åäö.docx", buffer.getvalue(), "application/octet-stream")}, headers=auth()
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "filename*=UTF-8''utkast%20%C3%A5%C3%A4%C3%B6.kommlint.docx" in response.headers["content-disposition"]
    comments = [c for c in docx.Document(io.BytesIO(response.content)).comments if c.author == "kommlint"]
    assert any(c.text.startswith("Ålderdomlig form: skriv ”ska”") for c in comments)
    markdown = client.post("/api/annotate", files={"file": ("sida.md", b"Du skall.", "text/markdown")}, headers=auth())
    assert markdown.status_code == 415 and "Word-filer" in markdown.json()["error"]
    broken = client.post("/api/annotate", files={"file": ("trasig.docx", b"PK\x03\x04 nej", "application/octet-stream")}, headers=auth())
    assert broken.status_code == 422 and "Word-dokument" in broken.json()["error"]
    assert client.post("/api/annotate", json={"text": "x"}, headers=auth()).status_code == 415


def test_rule_endpoint_gives_the_explanation(client):
    rule = client.get("/api/rules/KLAR001", headers=auth()).json()
    assert rule["code"] == "KLAR001" and rule["principle"] == "klarspråk"
    assert rule["explanation"]["vad"] and rule["explanation"]["varfor"] and "Språklagen" in rule["source"]
    assert rule["markdown"].startswith("# KLAR001 krangelord")
    assert client.get("/api/rules/NOPE999", headers=auth()).status_code == 404


def test_settings_list_profiles_and_upload_types(client):
    settings = client.get("/api/settings", headers=auth()).json()
    assert "webbsida" in [p["name"] for p in settings["profiles"]]
    assert {".md", ".txt"} <= set(settings["extensions"])
    assert settings["max_upload_bytes"] == 200_000


def test_html_report_escapes_user_text(client):
    text = "Hej <script>alert(1)</script> och <img src=x onerror=alert(2)>. Du erhåller svar.\n"
    response = client.post("/api/report?format=html", json={"text": text}, headers=auth())
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="kommlint-rapport.html"'
    assert "<script" not in response.text and "<img" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "KLAR001" in response.text


def test_json_report_is_the_cli_json(client):
    response = client.post("/api/report?format=json", json={"text": TEXT}, headers=auth())
    assert response.headers["content-disposition"].endswith('"kommlint-rapport.json"')
    assert ("KLAR001", "erhåller", 1, 4) in codes(response.json())


def test_html_upload_maps_findings_through_markup(client, service):
    if ".html" not in service.upload_extensions():
        pytest.skip("HTML-läsaren finns inte")
    html = '<html lang="sv"><body><h1>Bygglov</h1><p>Du <i>erhåller</i> <b>beslutet</b> snart.</p><img src="a.png"></body></html>'
    data = client.post("/api/check?view=1", files={"file": ("sida.html", html.encode(), "text/html")}, headers=auth()).json()
    diagnostics = data["files"][0]["diagnostics"]
    paragraph = data["view"]["blocks"][1]
    assert paragraph["text"] == "Du erhåller beslutet snart."
    spans = [paragraph["text"][m["start"] : m["end"]] for m in paragraph["marks"] if diagnostics[m["finding"]]["code"] == "KLAR001"]
    assert spans == ["erhåller"]
    in_markup = [i for i, d in enumerate(diagnostics) if d["match"].startswith("<img")]
    assert in_markup and set(in_markup) <= set(data["view"]["outside"])  # the missing alt text (TILL001)


def test_busy_port_gives_a_swedish_error():
    from lint.errors import KommlintError
    from lint.serve.runner import bind

    first = bind("127.0.0.1", 0)
    try:
        with pytest.raises(KommlintError, match="porten används redan"):
            bind("127.0.0.1", first.getsockname()[1])
    finally:
        first.close()


def test_serve_command_is_registered_with_swedish_help():
    from click.testing import CliRunner

    from lint.cli.main import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Starta en webbsida på din egen dator" in result.output
    assert "--no-browser" in result.output and "--port" in result.output and "--host" in result.output
