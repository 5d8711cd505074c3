"""Read one section of a paper as a board member would, in HTML, Markdown and Word: its text and its tables."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import papers


@dataclass
class Read:
    texts: list[str] = field(default_factory=list)
    """Each paragraph and list item, in order."""
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    """(caption, headers, rows of cell text)."""


def _words(text: str) -> str:
    return " ".join(text.split())


def from_html(source: str, heading: str) -> Read | None:
    import lxml.html

    root = lxml.html.fromstring(source)
    starts = [h for h in root.xpath("//h2") if _words(h.text_content()) == heading]
    if not starts:
        return None
    read = Read()
    for el in starts[0].itersiblings():
        if el.tag == "h2":
            break
        if el.tag in ("p", "h3"):
            read.texts.append(_words(el.text_content()))
        elif el.tag == "ul":
            read.texts += [_words(li.text_content()) for li in el.xpath("./li")]
        elif el.tag == "table":
            read.tables.append(
                (
                    _words(el.xpath("./caption")[0].text_content()),
                    [_words(th.text_content()) for th in el.xpath("./thead/tr/th")],
                    [
                        [_words(c.text_content()) for c in tr.xpath("./th|./td")]
                        for tr in el.xpath("./tbody/tr")
                    ],
                )
            )
    return read


def _md_text(text: str) -> str:
    return _words(re.sub(r"\\(.)", r"\1", text.replace("<br>", " ")))


def from_markdown(source: str, heading: str) -> Read | None:
    parts = re.split(r"^## ", source, flags=re.M)
    found = [p for p in parts if p.split("\n", 1)[0].strip() == heading]
    if not found:
        return None
    read = Read()
    lines = [line for line in found[0].split("\n")[1:] if line.strip()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 2 < len(lines) and lines[i + 2].startswith("| ---"):
            caption = _md_text(line.strip("*"))
            headers = [_md_text(c) for c in re.split(r"(?<!\\)\|", lines[i + 1])[1:-1]]
            i += 3
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([_md_text(c) for c in re.split(r"(?<!\\)\|", lines[i])[1:-1]])
                i += 1
            read.tables.append((caption, headers, rows))
            continue
        read.texts.append(_md_text(line[2:] if line.startswith("- ") else line))
        i += 1
    return read


def from_word(data: bytes, heading: str) -> Read | None:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    read: Read | None = None
    caption = ""
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            para = Paragraph(child, document)
            style = para.style.name if para.style is not None else ""
            if style == "Heading 1":
                if read is not None:
                    break
                if para.text.strip() == heading:
                    read = Read()
            elif read is not None and style == "Caption":
                caption = _words(para.text)
            elif read is not None and para.text.strip():
                read.texts.append(_words(para.text))
        elif child.tag.endswith("}tbl") and read is not None:
            table = Table(child, document)
            cells = [[_words(c.text) for c in row.cells] for row in table.rows]
            read.tables.append((caption, cells[0], cells[1:]))
    return read


def section(path: str, month: str, heading: str) -> dict[str, Read | None]:
    """The section as each format shows it (None where the paper has no such section)."""
    return {
        "html": from_html(papers.paper(path, month, "html"), heading),
        "md": from_markdown(papers.paper(path, month, "md"), heading),
        "docx": from_word(papers.word(path, month), heading),
    }


def same_in_every_format(path: str, month: str, heading: str) -> Read:
    """The section, required present and equal in the three formats."""
    reads = section(path, month, heading)
    html = reads["html"]
    assert html is not None, f"no section {heading!r} in the HTML paper"
    for name in ("md", "docx"):
        assert reads[name] == html, f"{name} shows {heading!r} differently from HTML"
    return html
