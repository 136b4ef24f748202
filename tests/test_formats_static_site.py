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
    assert [(b.kind, b.text) for b in document.blocks] == [
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


def test_random_mdx_keeps_prose_mapped_to_the_same_source_text():
    import random

    pieces = [
        "<Callout>",
        "</Callout>",
        "<X a={1} />",
        "{",
        "}",
        "{/* kommlint-disable */}",
        "import a from 'b'\n",
        "export const x = {\n",
        "\n",
        "\n\n",
        "```\n",
        "`",
        "text ",
        "ÅÄÖ ",
        "# Rubrik\n",
        "'",
        '"',
        "+++\n",
        "title = 'x'\n",
        "---json\n",
        '{"a": 1}\n',
        "---\n",
        "- punkt\n",
        "> citat\n",
    ]
    rng = random.Random(3)
    for _ in range(300):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        if not source.strip():
            continue
        document = read_bytes(source.encode(), "slump.mdx")
        assert document.source == source
        for block in document.blocks:
            for seg in block.segments:
                if seg.source_length is None:
                    assert block.text[seg.text_start : seg.text_start + seg.length] == source[seg.source_start : seg.source_end]
