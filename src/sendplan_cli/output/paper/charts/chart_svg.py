"""A drawn SVG made fit to stand inside the HTML paper: titled for screen readers, its ids unique in the page.

matplotlib writes a standalone file: an XML declaration, a doctype, metadata, a style sheet that would
apply to the whole page, and ids such as "figure_1" that every chart repeats. Here the file is parsed,
those are dropped, and every id is prefixed with the chart's key ("p2-kpi-3-ytick_1"), the references
to it too. The title and description are set as element text, so ElementTree escapes them.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from markupsafe import Markup

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
_HREF = f"{{{XLINK}}}href"
_URL = re.compile(r"url\(#([^)]+)\)")


def inline_svg(drawn: str, key: str, title: str, description: str) -> Any:
    """The drawing as markup for the page: role img, labelled by its title (and description), ids after `key`."""
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    root = ET.fromstring(re.sub(r"^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>", "", drawn.strip()))
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG}}}metadata", f"{{{SVG}}}style", f"{{{SVG}}}script"):
                parent.remove(child)
    _rename_ids(root, key)
    labelled = f"{key}-title {key}-desc" if description else f"{key}-title"
    root.attrib.update({"role": "img", "aria-labelledby": labelled, "class": "chart"})
    root.attrib.pop("version", None)
    if description:
        desc = ET.Element(f"{{{SVG}}}desc", {"id": f"{key}-desc"})
        desc.text = description
        root.insert(0, desc)
    heading = ET.Element(f"{{{SVG}}}title", {"id": f"{key}-title"})
    heading.text = title
    root.insert(0, heading)
    return Markup(ET.tostring(root, encoding="unicode"))


def _rename_ids(root: ET.Element, key: str) -> None:
    def renamed(old: str) -> str:
        return f"{key}-{old}"

    for element in root.iter():
        if (old := element.get("id")) is not None:
            element.set("id", renamed(old))
        if (href := element.get(_HREF)) and href.startswith("#"):
            element.set(_HREF, "#" + renamed(href[1:]))
        for attr, value in list(element.attrib.items()):
            if "url(#" in value:
                element.set(attr, _URL.sub(lambda m: f"url(#{renamed(m.group(1))})", value))
