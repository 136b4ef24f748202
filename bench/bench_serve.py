"""How fast `kommlint serve` answers: start-up, then a 1,000-word paste over real HTTP.

Runs the app with uvicorn on a free local port and posts the text the way the page does
(`POST /api/check?view=1` with the session token). Target: under 1 s per answer after
start-up. Usage: python bench/bench_serve.py [--words N] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

import httpx
from swedish_text import SENTENCES

from lint.serve.runner import BackgroundServer
from lint.serve.service import CheckService

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_7c22c21e004f47d4.txt"


def is_word(token: str) -> bool:
    return any(char.isalnum() for char in token)


def text_of(words: int) -> str:
    """About `words` words of the seed document (or the generated sentences without it)."""
    source = SEED.read_text(encoding="utf-8") if SEED.exists() else "\n\n".join(SENTENCES)
    paragraphs = [p.split() for p in re.split(r"\n\s*\n", source) if p.split()]
    out: list[str] = []
    count = 0
    while count < words:
        for tokens in paragraphs:
            taken = []
            for token in tokens:
                if count >= words:
                    break
                taken.append(token)
                count += is_word(token)
            if taken:
                out.append(" ".join(taken))
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = text_of(args.words)

    started = time.perf_counter()
    service = CheckService()
    service.warm_up()
    startup = time.perf_counter() - started

    with BackgroundServer(service) as server:
        headers = {"X-Kommlint-Token": server.config.token}
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as client:
            times = []
            for _ in range(args.repeat):
                begin = time.perf_counter()
                response = client.post("/api/check?view=1", json={"text": text})
                times.append(time.perf_counter() - begin)
                response.raise_for_status()
            data = response.json()
    metrics = data["files"][0]["metrics"]
    print(f"start-up (pipeline + rules + warm-up): {startup:.2f} s")
    print(
        f"text: {sum(map(is_word, text.split()))} words pasted ({metrics['words']} by kommlint's count), {metrics['sentences']} sentences, {len(data['view']['blocks'])} blocks, {len(data['files'][0]['diagnostics'])} findings"
    )
    print(f"first answer: {times[0] * 1000:.0f} ms")
    print(
        f"answers over {args.repeat} runs: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms (target < 1000 ms)"
    )


if __name__ == "__main__":
    main()
