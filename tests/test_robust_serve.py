"""Issue 20, server: every failure a Swedish JSON error, and one request cannot block others."""

from __future__ import annotations

import threading

import httpx
import pytest
from slow_service import SLEEP_WORD, SlowService
from starlette.testclient import TestClient

from lint.engine.linter import Options
from lint.serve.app import ServeConfig, create_app
from lint.serve.pool import ProcessAnalyzer
from lint.serve.runner import BackgroundServer
from lint.serve.service import CheckService

TOKEN = "token-robust"
TEXT = "Du erhåller beslutet inom två veckor.\n"


@pytest.fixture(scope="module")
def client() -> TestClient:
    config = ServeConfig(port=8765, token=TOKEN, max_upload_bytes=2_000_000, max_text_chars=1_500_000)
    return TestClient(create_app(CheckService(Options(select=("KLAR001",))), config), base_url="http://127.0.0.1:8765")


def post(client, **body):
    return client.post("/api/check", json=body, headers={"X-Kommlint-Token": TOKEN})


def test_a_lone_surrogate_in_json_is_a_swedish_400(client):
    response = client.post(
        "/api/check",
        content=b'{"text": "Hej \\ud800 d\\u00e5"}',
        headers={"X-Kommlint-Token": TOKEN, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "Texten innehåller ogiltiga tecken (ensamma surrogattecken, till exempel \\ud800) och kan inte granskas."
    }


def test_deep_front_matter_in_an_upload_is_linted(client):
    data = ("---\na: " + "[" * 600 + "\n---\nDu erhåller svar.\n").encode()
    response = client.post("/api/check", files={"file": ("sida.md", data, "text/markdown")}, headers={"X-Kommlint-Token": TOKEN})
    assert response.status_code == 200
    assert [d["match"] for d in response.json()["files"][0]["diagnostics"]] == ["erhåller"]


def test_an_unexpected_error_is_a_swedish_json_500(monkeypatch):
    service = CheckService(Options(select=("KLAR001",)))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(service, "check_text", broken)
    with TestClient(create_app(service, ServeConfig(port=8765, token=TOKEN)), base_url="http://127.0.0.1:8765") as test_client:
        response = post(test_client, text=TEXT)
    assert response.status_code == 500
    assert response.json() == {
        "error": "Ett internt fel hindrade granskningen (ZeroDivisionError). Försök igen, och rapportera felet om det händer igen."
    }


def test_a_request_over_its_budget_is_ended_and_the_next_one_answered():
    analyzer = ProcessAnalyzer(Options(select=("KLAR001",)), workers=1, budget=3, factory=SlowService)
    analyzer.warm_up()
    try:
        with BackgroundServer(analyzer, token=TOKEN) as server:
            with httpx.Client(base_url=server.url, headers={"X-Kommlint-Token": TOKEN}, timeout=200) as http:
                slow = http.post("/api/check", json={"text": f"{SLEEP_WORD} {TEXT}"})
                small = http.post("/api/check", json={"text": TEXT})
    finally:
        analyzer.close()
    assert slow.status_code == 503
    assert slow.json() == {"error": "Granskningen tog längre tid än 3 s och avbröts. Dela upp texten i mindre delar och försök igen."}
    assert small.status_code == 200
    assert [(d["code"], d["match"]) for d in small.json()["files"][0]["diagnostics"]] == [("KLAR001", "erhåller")]


def test_a_small_request_is_answered_while_another_worker_is_busy():
    analyzer = ProcessAnalyzer(Options(select=("KLAR001",)), workers=2, budget=120, factory=SlowService)
    analyzer.warm_up()
    results: dict[str, httpx.Response] = {}
    try:
        with BackgroundServer(analyzer, token=TOKEN) as server:
            headers = {"X-Kommlint-Token": TOKEN}

            def hog() -> None:
                with httpx.Client(base_url=server.url, headers=headers, timeout=200) as http:
                    results["slow"] = http.post("/api/check", json={"text": f"{SLEEP_WORD} {TEXT}"})

            thread = threading.Thread(target=hog, daemon=True)
            thread.start()
            with httpx.Client(base_url=server.url, headers=headers, timeout=60) as http:
                small = http.post("/api/check", json={"text": TEXT})
            still_busy = thread.is_alive()
    finally:
        analyzer.close()
    assert small.status_code == 200
    assert [d["match"] for d in small.json()["files"][0]["diagnostics"]] == ["erhåller"]
    assert still_busy and "slow" not in results
