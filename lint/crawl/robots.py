"""robots.txt as RFC 9309 reads it, plus the common Crawl-delay and Sitemap lines.

The group for the most specific matching user-agent applies (else `*`); within it the
longest matching path rule wins and Allow wins a tie. Patterns may use `*` and a final `$`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


@dataclass
class Group:
    agents: list[str] = field(default_factory=list)
    rules: list[tuple[bool, str]] = field(default_factory=list)  # (allow, pattern)
    delay: float | None = None


def _pattern(path: str) -> re.Pattern[str]:
    anchored = path.endswith("$")
    body = path[:-1] if anchored else path
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    return re.compile(regex + ("$" if anchored else ""))


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    path = unquote(parts.path or "/")
    return path + ("?" + parts.query if parts.query else "")


class Robots:
    def __init__(self, groups: list[Group], sitemaps: list[str], allow_all: bool = False, deny_all: bool = False) -> None:
        self.groups = groups
        self.sitemaps = sitemaps
        self.allow_all = allow_all
        self.deny_all = deny_all

    @classmethod
    def allowing_all(cls) -> Robots:
        return cls([], [], allow_all=True)

    @classmethod
    def denying_all(cls) -> Robots:
        return cls([], [], deny_all=True)

    @classmethod
    def parse(cls, text: str) -> Robots:
        groups: list[Group] = []
        sitemaps: list[str] = []
        current: Group | None = None
        in_agents = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower()
            if key == "sitemap":
                sitemaps.append(value)
            elif key == "user-agent":
                if not in_agents:
                    current = Group()
                    groups.append(current)
                    in_agents = True
                current.agents.append(value.lower())
            elif current is not None and key in ("allow", "disallow"):
                in_agents = False
                if value:
                    current.rules.append((key == "allow", value))
            elif current is not None and key == "crawl-delay":
                in_agents = False
                try:
                    current.delay = max(0.0, float(value))
                except ValueError:
                    pass
        return cls(groups, sitemaps)

    def _groups_for(self, agent: str) -> list[Group]:
        agent = agent.lower()
        best: list[Group] = []
        best_length = 0
        for group in self.groups:
            for name in group.agents:
                if name != "*" and name in agent and len(name) >= best_length:
                    if len(name) > best_length:
                        best, best_length = [], len(name)
                    best.append(group)
        return best or [group for group in self.groups if "*" in group.agents]

    def allowed(self, url: str, agent: str) -> bool:
        if self.allow_all:
            return True
        if self.deny_all:
            return False
        path = _path_of(url)
        if path == "/robots.txt":
            return True
        verdict, length = True, -1
        for group in self._groups_for(agent):
            for allow, pattern in group.rules:
                if _pattern(pattern).match(path) and (len(pattern) > length or (len(pattern) == length and allow)):
                    verdict, length = allow, len(pattern)
        return verdict

    def crawl_delay(self, agent: str) -> float | None:
        delays = [group.delay for group in self._groups_for(agent) if group.delay is not None]
        return max(delays) if delays else None
