"""Template filters for plan text in places other than HTML body text."""

from __future__ import annotations

from sendplan_cli.output.sanitise import one_line


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
    from sendplan_cli.output.sanitise import paragraphs

    filters = env.filters  # type: ignore[attr-defined]
    filters["css_string"] = css_string
    filters["one_line"] = one_line
    filters["paragraphs"] = paragraphs
