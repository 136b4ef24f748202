"""Static-site Markdown: Hugo/Jekyll/Eleventy front matter and MDX, with exact positions."""

from __future__ import annotations

import datetime

from conftest import lint_text
from lint.document import BlockKind
from lint.formats import read_bytes

MDX = """+++
title = "Bygglov"
lastmod = 2024-05-01
+++
import { Callout } from "../components/Callout"
export const meta = {
  author: "Anna",
}

# Bygglov för altan

<Callout type="warning" title={"25000 i attributet"}>Ansökan kostar 25000 kronor.</Callout>

{/* kommlint-disable-next-line KLAR014 -- belopp ur taxan */}
Text med {props.namn} och <Badge color="röd" /> ett belopp på 30000 kronor.

```jsx
<Callout>kod {40000}</Callout>
```

    Indragen rad med 50000 kronor är prosa i MDX.
"""


def test_mdx_keeps_prose_and_drops_jsx_esm_and_expressions():
    document = read_bytes(MDX.encode(), "sida.mdx")
    assert [(b.kind, " ".join(b.text.split())) for b in document.blocks] == [
        (BlockKind.HEADING, "Bygglov för altan"),
        (BlockKind.PARAGRAPH, "Ansökan kostar 25000 kronor."),
        (BlockKind.PARAGRAPH, "Text med och ett belopp på 30000 kronor."),
        (BlockKind.PARAGRAPH, "Indragen rad med 50000 kronor är prosa i MDX."),
    ]
    assert document.source == MDX
    assert document.metadata == {"title": "Bygglov", "lastmod": datetime.date(2024, 5, 1), "updated": datetime.date(2024, 5, 1)}


def test_mdx_findings_point_into_the_file_and_mdx_comments_suppress(linter):
    result = lint_text(linter, MDX, name="sida.mdx", select=("KLAR014",))
    assert [(d.line, d.column, d.match) for d in result.diagnostics] == [(12, 69, "25000"), (21, 22, "50000")]
    assert result.document.line_text(12)[68:73] == "25000"


def test_jekyll_yaml_and_eleventy_json_front_matter():
    jekyll = read_bytes(b"---\ntitle: Nyhet\nlast_modified_at: 2024-03-01\nai-generated: true\n---\n\nText.\n", "nyhet.markdown")
    assert jekyll.metadata["updated"] == datetime.date(2024, 3, 1) and jekyll.metadata["ai_generated"] is True
    eleventy = read_bytes(b'---json\n{"title": "Nyhet", "kommlint-profile": "nyhet"}\n---\n\nText.\n', "nyhet.md")
    assert eleventy.metadata == {"title": "Nyhet", "kommlint-profile": "nyhet", "profile": "nyhet"}
    assert [b.text for b in eleventy.blocks] == ["Text."]
