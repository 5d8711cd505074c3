"""Bar charts as PNG images for the Word paper (Word cannot show the HTML paper's inline SVG)."""

from __future__ import annotations

import io

WIDTH, ROW, LABEL = 900, 44, 200


def bar_chart(counts: list[tuple[str, int, str]]) -> bytes:
    """A horizontal bar per rating, its name at the left and its count at the bar's end, as PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont

    height = ROW * len(counts) + 16
    image = Image.new("RGB", (WIDTH, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    biggest = max([count for _, count, _ in counts] + [1])
    span = WIDTH - LABEL - 80
    for i, (name, count, colour) in enumerate(counts):
        top = 8 + i * ROW
        draw.text((0, top + 6), name, fill="#0b0c0c", font=font)
        length = round(count / biggest * span)
        if length:
            draw.rectangle((LABEL, top + 4, LABEL + length, top + ROW - 8), fill=colour, outline="#0b0c0c", width=2)
        draw.text((LABEL + length + 8, top + 6), str(count), fill="#0b0c0c", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
