"""Template filters for plan text in places other than HTML body text."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from sendplan_cli.ground.sanitise import md_cell, md_inline, md_prose, one_line


def text_colour(background: str | None) -> str:
    """Black or white, whichever contrasts more with the background colour (WCAG relative luminance)."""
    if not background or len(background) != 7 or not background.startswith("#"):
        return "#0b0c0c"

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(background[i : i + 2]) for i in (1, 3, 5))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#0b0c0c" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def badge(name: str | None, scale: Any) -> Markup:
    """A rating as the paper's coloured badge, from the plan's scale; a name the scale lacks, or none, is shown grey.

    A filter, not a template macro: it is drawn four times for each action, and a macro call in the sandbox
    costs a hundred times as much."""
    rating = next((r for r in scale if r.name == name), None) if name else None
    if rating is not None:
        colour, text = escape(rating.colour or "#505a5f"), escape(text_colour(rating.colour))
        return Markup(
            f'<span class="badge" style="background:{colour};color:{text}">{escape(rating.name)}</span>'
        )
    if name:
        return Markup(f'<span class="badge badge-none">{escape(one_line(name))}</span>')
    return Markup('<span class="badge badge-none">Not rated</span>')


def prose_html(text: object) -> Markup:
    """Plan prose as HTML paragraphs, its own line breaks kept as <br>: every line escaped.

    A filter, not a template macro, for the same reason as `badge`: it is drawn for every action."""
    from sendplan_cli.ground.sanitise import paragraphs

    return Markup(
        "".join(
            "<p>" + "<br>".join(str(escape(line)) for line in lines) + "</p>"
            for lines in paragraphs(text)
        )
    )


def table_row(row: Any, shape: Any) -> Markup:
    """A table block's row as HTML: the first cell its header, each cell classed by its column's shape, a filled
    cell as a badge, prose as paragraphs, other text on one line, every piece of plan text escaped.

    A filter, not template code, for the same reason as `badge`: a large plan's tracker has tens of thousands
    of cells, and each costs the sandbox a dozen checked look-ups."""
    parts = ["<tr>"]
    for i, c in enumerate(row):
        cls = shape[i] if shape else ""
        tag = "th" if i == 0 else "td"
        parts.append('<th scope="row"' if i == 0 else "<td")
        if cls:
            parts.append(f' class="{escape(cls)}"')
        parts.append(">")
        if c.fill:
            parts.append(
                f'<span class="badge" style="background:{escape(c.fill)};color:{escape(text_colour(c.fill))}">'
                f"{escape(one_line(c.text))}</span>"
            )
        elif c.prose:
            parts.append(prose_html(c.text))
        else:
            parts.append(escape(one_line(c.text)))
        parts.append(f"</{tag}>")
    parts.append("</tr>")
    return Markup("".join(parts))


def date_words(value: Any, fmt: str = "%d %b %Y") -> str:
    """A date in words, or "-" for none; a plan's own date (a due date as written) is shown as the plan writes it."""
    if not value:
        return "-"
    if not hasattr(value, "strftime") and isinstance(getattr(value, "text", None), str):
        return str(value.text)
    return str(value.strftime(fmt))


def css_string(text: object) -> str:
    """Text safe inside a double-quoted CSS string in a <style> element: one line, quotes and `<` escaped."""
    out = []
    for ch in one_line(text):
        if ch in '"\\<>&' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return "".join(out)


def register(env: object) -> None:
    """Add the paper's filters to a Jinja environment."""
    from sendplan_cli.ground.sanitise import paragraphs

    filters = env.filters  # type: ignore[attr-defined]
    filters["text_colour"] = text_colour
    filters["badge"] = badge
    filters["prose_html"] = prose_html
    filters["table_row"] = table_row
    # Plan text in Markdown goes through one of these (README, "Your own template"): `md` for a
    # table cell, `md_inline` for other one-line places, `md_prose` for paragraphs.
    filters["md"] = md_cell
    filters["md_inline"] = md_inline
    filters["md_prose"] = md_prose
    filters["date"] = date_words
    filters["css_string"] = css_string
    filters["one_line"] = one_line
    filters["paragraphs"] = paragraphs
