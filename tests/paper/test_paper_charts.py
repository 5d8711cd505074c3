"""The paper's charts as a reader sees them: axes that say the right values, nothing cut off, targets and bands
drawn, the same picture every time, plan text shown as written, and in Word the same charts and values as HTML."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import FIXTURES, run_cli
from papers import paper

INDICATORS = str(FIXTURES / "valid" / "indicators.yaml")
MONTH = "2025-09"
NS = "{http://www.w3.org/2000/svg}"
NAMES = {
    n: name
    for n, name in enumerate(
        [
            "New EHC plans issued within 20 weeks",
            "Weeks from referral to a first neurodevelopmental appointment",
            "Annual reviews overdue (backlog)",
            "Average days to return health advice",
            "Suspensions of pupils with an EHC plan",
            "Average wait for speech and language therapy",
            "Children and young people with an EHC plan",
            "Permanent exclusions of pupils with SEND",
            "Parent carers who would recommend the local offer, survey score out of 10",
            "Spending on independent specialist placements",
        ],
        1,
    )
}


@cache
def _charts() -> dict[int, ET.Element]:
    """Each indicator's chart in the HTML paper, by KPI number (the chart's key counts from 0)."""
    html = paper(INDICATORS, MONTH)
    found = re.findall(r'<svg[^>]*aria-labelledby="kpi-(\d+)-title.*?</svg>', html, re.DOTALL)
    svgs = re.findall(r'<svg[^>]*aria-labelledby="kpi-\d+-title.*?</svg>', html, re.DOTALL)
    return {int(key) + 1: ET.fromstring(svg) for key, svg in zip(found, svgs)}


def _group(chart: ET.Element, name: str) -> list[ET.Element]:
    return [g for g in chart.iter(f"{NS}g") if re.fullmatch(rf"kpi-\d+-{name}", g.get("id", ""))]


def _ticks(chart: ET.Element, axis: str) -> list[tuple[str, float]]:
    """The axis's tick labels, and where each tick mark stands along the axis (y for y, x for x)."""
    out = []
    for tick in _group(chart, rf"{axis}tick_\d+"):
        mark = tick.find(f".//{NS}use")
        label = tick.find(f".//{NS}text")
        assert mark is not None and label is not None and label.text
        out.append((label.text, float(mark.get(axis) or 0)))
    return out


def _text_box(text: ET.Element) -> tuple[float, float, float, float]:
    """The box a text element's words take, measured with the font the chart names (DejaVu Sans)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    style = dict(part.split(":", 1) for part in (text.get("style") or "").split(";") if ":" in part)
    size = float(style[" font-size" if " font-size" in style else "font-size"].strip().rstrip("px"))
    bold = "bold" in style.get(" font-weight", "")
    font = FT2Font(
        font_manager.findfont(
            font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
        )
    )
    font.set_size(size, 72)
    font.set_text(text.text or "")
    width = font.get_width_height()[0] / 64
    anchor = style.get(" text-anchor", "start").strip()
    x, y = float(text.get("x") or 0), float(text.get("y") or 0)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return left, y - size, left + width, y + size * 0.25


def test_every_word_in_every_chart_lies_inside_its_picture() -> None:
    for kpi, chart in _charts().items():
        _, _, width, height = (float(v) for v in (chart.get("viewBox") or "").split())
        for text in chart.iter(f"{NS}text"):
            left, top, right, bottom = _text_box(text)
            assert 0 <= left and right <= width and 0 <= top and bottom <= height, (
                kpi,
                text.text,
                (left, top, right, bottom),
                width,
                height,
            )


def test_every_axis_has_at_least_three_distinct_ticks_in_the_indicators_unit() -> None:
    charts = _charts()
    assert sorted(charts) == list(range(1, 11))  # every indicator has figures to draw
    units = {
        1: "%",
        2: " weeks",
        4: " days",
        5: " per 10,000",
        6: " months",
        7: " per 1,000",
        8: " per 100,000",
    }
    for kpi, chart in charts.items():
        for axis in "xy":
            labels = [words for words, _ in _ticks(chart, axis)]
            assert len(labels) >= 3 and len(set(labels)) == len(labels), (kpi, axis, labels)
        if kpi in units:
            assert all(words.endswith(units[kpi]) for words, _ in _ticks(chart, "y")), kpi


def test_kpi_8_and_kpi_5_axes_say_the_values_the_figures_run_between() -> None:
    # KPI 8 runs from its baseline of 20 down to its target of 10 per 100,000; a step of 2 gives six ticks.
    assert [words for words, _ in _ticks(_charts()[8], "y")] == [
        f"{n} per 100,000" for n in (10, 12, 14, 16, 18, 20)
    ]
    # KPI 5 runs from its target of 700 up to its baseline of 812 per 10,000: steps of 25 from 700 to 825.
    assert [words for words, _ in _ticks(_charts()[5], "y")] == [
        f"{n} per 10,000" for n in (700, 725, 750, 775, 800, 825)
    ]


def test_a_target_without_a_date_is_drawn_across_the_chart_at_its_value() -> None:
    # KPI 9's target of 6 has no date: a line across the whole plot, at the height of the 6 tick, and named.
    chart = _charts()[9]
    at = dict(_ticks(chart, "y"))["6"]
    [level] = _group(chart, "level-1")
    path = level.find(f"{NS}path")
    assert path is not None
    points = [tuple(map(float, p)) for p in re.findall(r"([\d.]+) ([\d.]+)", path.get("d") or "")]
    xs = [x for _, x in _ticks(chart, "x")]
    assert (
        all(abs(y - at) < 0.5 for _, y in points)
        and min(x for x, _ in points) < min(xs)
        and max(x for x, _ in points) > max(xs)
    )
    assert "dasharray" in (path.get("style") or "")
    assert [t.text for t in chart.iter(f"{NS}text")].count(
        "Target 6, no date set"
    ) == 2  # beside the line and in the key


def test_the_band_to_stay_within_is_drawn_between_its_values() -> None:
    # KPI 7 should stay within 40 to 48 per 1,000: a shaded area from the 40 tick up to where 48 falls.
    chart = _charts()[7]
    ticks = {float(words.split()[0]): y for words, y in _ticks(chart, "y")}
    (v0, y0), (v1, y1) = sorted(ticks.items())[:2]

    def height(value: float) -> float:
        return y0 + (value - v0) * (y1 - y0) / (v1 - v0)

    [band] = _group(chart, "band")
    path = band.find(f"{NS}path")
    assert path is not None
    # Filled with a hatched pattern over the band's colour, so it shows in black and white too.
    fill = re.search(r"fill: url\(#([^)]+)\)", path.get("style") or "")
    assert fill is not None
    [pattern] = [e for e in chart.iter(f"{NS}pattern") if e.get("id") == fill.group(1)]
    assert "#cce2d8" in ET.tostring(pattern, encoding="unicode")
    ys = [float(y) for y in re.findall(r"[\d.]+ ([\d.]+)", path.get("d") or "")]
    assert abs(max(ys) - height(40)) < 0.5 and abs(min(ys) - height(48)) < 0.5
    assert "Band to stay within: 40 per 1,000 to 48 per 1,000" in [
        t.text for t in chart.iter(f"{NS}text")
    ]


def _zone_extremes(chart: ET.Element) -> tuple[float, float]:
    """The values the amber zone's drawn area reaches down to and up to, read back through the y axis."""
    ticks = {
        float(words.split()[0].rstrip("%").replace(",", "")): y for words, y in _ticks(chart, "y")
    }
    (v0, y0), (v1, y1) = sorted(ticks.items())[:2]
    [zone] = _group(chart, "amber-zone")
    path = zone.find(f"{NS}path")
    assert path is not None
    ys = [float(y) for y in re.findall(r"-?[\d.]+ (-?[\d.]+)", path.get("d") or "")]
    # SVG's y grows downwards: the lowest value is the largest y.
    value = [v0 + (y - y0) * (v1 - v0) / (y1 - y0) for y in (max(ys), min(ys))]
    return round(value[0], 1), round(value[1], 1)


def test_the_amber_tolerance_is_drawn_on_the_worse_side_of_the_line() -> None:
    # KPI 1 (higher is better) takes the plan's tolerance, Amber up to 2 points below the line from the
    # 38% baseline through the trajectory to 58%: a zone from 36% up to 58%.
    charts = _charts()
    assert _zone_extremes(charts[1]) == (36.0, 58.0)
    legend = [t.text for t in charts[1].iter(f"{NS}text")]
    assert "Amber: up to 2 percentage points below the trajectory" in legend
    desc = charts[1].find(f"{NS}desc")
    assert desc is not None and (
        "where a figure rates Amber (up to 2 percentage points below the trajectory)"
        in (desc.text or "")
    )
    # KPI 3 (lower is better) has its own, 10% of the value expected: above the line from the baseline,
    # 1,600, to the target, 400; so from 400 up to 1,760.
    assert _zone_extremes(charts[3]) == (400.0, 1760.0)
    assert "Amber: up to 10% of expected above the line" in [
        t.text for t in charts[3].iter(f"{NS}text")
    ]
    desc = charts[3].find(f"{NS}desc")
    assert desc is not None and (
        "(up to 10% of the value expected above the line from baseline to target)"
        in (desc.text or "")
    )


def test_the_word_chart_describes_its_amber_zone(tmp_path: Path) -> None:
    # The Word picture is drawn from the same definition; its alternative text says what the zone is.
    pictures = [shape._inline.docPr.get("descr") or "" for shape in _word(tmp_path).inline_shapes]
    kpi_1 = next(p for p in pictures if p.startswith(f"KPI 1 {NAMES[1]}: "))
    assert "where a figure rates Amber (up to 2 percentage points below the trajectory)" in kpi_1


def test_no_amber_zone_where_the_plan_gives_no_tolerance(tmp_path: Path) -> None:
    text = Path(INDICATORS).read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        text.replace("indicator_tolerance: {amber: 2, basis: units}\n", ""), encoding="utf-8"
    )
    result = run_cli("report", str(plan), "--month", MONTH, "-o", "-")
    assert result.returncode == 0, result.stderr
    svgs = re.findall(
        r"<svg[^>]*aria-labelledby=\"kpi-(\d+)-title.*?</svg>", result.stdout, re.DOTALL
    )
    zoned = re.findall(
        r'<svg[^>]*aria-labelledby="kpi-(\d+)-title(?:(?!</svg>).)*?id="kpi-\d+-amber-zone"',
        result.stdout,
        re.DOTALL,
    )
    assert len(svgs) == 10
    # KPIs 3 and 4 give their own tolerance; the others fell back to the default and show none.
    assert sorted(int(k) + 1 for k in zoned) == [3, 4]
    assert "rates Amber" not in result.stdout.split('id="kpi-0-desc"')[1].split("</desc>")[0]


def test_a_target_of_zero_keeps_the_amber_zone(tmp_path: Path) -> None:
    # "No cases over 30 weeks": KPI 3 (lower is better, 10% of the value expected) aimed at 0. Figures
    # on the way down still rate Amber, so the zone stays, narrowing to nothing at the target.
    text = Path(INDICATORS).read_text(encoding="utf-8")
    assert text.count("{value: 400, by: Q4 25/26}") == 1
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        text.replace("{value: 400, by: Q4 25/26}", "{value: 0, by: Q4 25/26}"), encoding="utf-8"
    )
    result = run_cli("report", str(plan), "--month", MONTH, "-o", "-")
    assert result.returncode == 0, result.stderr
    kpi_3 = result.stdout.split('aria-labelledby="kpi-2-title')[1].split("</svg>")[0]
    assert 'id="kpi-2-amber-zone"' in kpi_3
    assert "Amber: up to 10% of expected above the line" in kpi_3


def test_charts_are_labelled_for_screen_readers_and_hold_no_script_or_date() -> None:
    html = paper(INDICATORS, MONTH)
    for kpi, chart in _charts().items():
        assert chart.get("role") == "img"
        title = chart.find(f"{NS}title")
        assert title is not None and (title.text or "").startswith(f"KPI {kpi} {NAMES[kpi]}: ")
        assert chart.get("aria-labelledby") == f"{title.get('id')} kpi-{kpi - 1}-desc"
        assert not [
            e
            for e in chart.iter()
            if e.tag.endswith(("script", "foreignObject", "metadata", "style"))
        ]
        assert not [a for e in chart.iter() for a in e.attrib if a.lower().startswith("on")]
    assert not re.search(r"<svg.*?(dc:date|<metadata).*?</svg>", html, re.DOTALL)


def test_the_same_plan_draws_the_same_charts(tmp_path: Path) -> None:
    # Papers are reproducible: two runs give the same SVG, byte for byte.
    first = run_cli("report", INDICATORS, "--month", MONTH, "-o", "-").stdout
    second = run_cli("report", INDICATORS, "--month", MONTH, "-o", "-").stdout
    charts = re.findall(r"<svg.*?</svg>", first, re.DOTALL)
    assert len(charts) == 12 and charts == re.findall(r"<svg.*?</svg>", second, re.DOTALL)


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_a_chart_drawn_after_others_shows_only_its_own_indicator(kind: str) -> None:
    # A paper's charts share one figure, emptied between them. Drawn last to first, KPI 9's undated target line
    # and KPI 7's band come before charts that have neither: each chart must be what it is when drawn alone.
    from datetime import date

    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.output.paper.charts.chart_cards import kpi_cards
    from sendplan_cli.output.paper.charts.chart_draw import line_png, line_svg
    from sendplan_cli.output.paper.charts.chart_easel import Easel

    _, plan = load_model(Path(INDICATORS))
    figures = [card.figure for card in kpi_cards(plan, date(2025, 9, 30), svg=False)]
    charts = [f for f in figures if f is not None][::-1]
    draw = line_svg if kind == "svg" else line_png
    easel = Easel()
    shared = [str(draw(chart, easel)) for chart in charts]
    assert len(charts) == 10 and shared == [str(draw(chart)) for chart in charts]
    if kind == "svg":
        # The band and the undated target are drawn once each, in their own indicator's chart.
        assert [n for n, svg in enumerate(shared, 1) if 'id="kpi-6-band"' in svg] == [4]
        assert [n for n, svg in enumerate(shared, 1) if "Target 6, no date set" in svg] == [2]


@pytest.mark.parametrize("name", ["Blue $x^2$ <script>alert(1)</script>", "Amber \x1b[31m"])
def test_plan_text_in_a_chart_is_shown_as_written_never_typeset_or_run(name: str) -> None:
    from sendplan_cli.output.paper.charts.chart_cards import rating_charts

    [bars] = rating_charts({"Actions by completion rating": [(name, 2, "#1d70b8")]}, "p1-")
    svg = ET.fromstring(str(bars.chart))
    words = [t.text for t in svg.iter(f"{NS}text")]
    shown = name.replace("\x1b", "\\x1b")
    assert shown in words  # mathtext would have set x^2 as a formula and dropped the dollars
    assert "<script" not in str(bars.chart) and not list(svg.iter(f"{NS}script"))
    assert bars.figure.alt == f"Actions by completion rating: {shown} 2"


@cache
def _word(folder: Path):  # type: ignore[no-untyped-def]
    from docx import Document

    out = folder / "paper.docx"
    result = run_cli("report", INDICATORS, "--month", MONTH, "-o", str(out))
    assert result.returncode == 0, result.stderr
    return Document(io.BytesIO(out.read_bytes()))


def test_the_word_paper_has_each_indicators_chart_heading_and_values_as_the_html_has(
    tmp_path: Path,
) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _word(tmp_path)
    pictures = [shape._inline.docPr for shape in document.inline_shapes]
    # The two rating charts, then a chart per indicator, each described by its headline as in the HTML.
    assert [p.get("title") for p in pictures][:2] == [
        "Actions by completion rating",
        "Actions by impact rating",
    ]
    html = paper(INDICATORS, MONTH)
    for kpi in range(1, 11):
        alt = pictures[kpi + 1].get("descr") or ""
        svg_title = _charts()[kpi].find(f"{NS}title")
        assert svg_title is not None and alt.startswith(svg_title.text or "-"), kpi
    body = list(document.element.body.iterchildren())
    for kpi, name in NAMES.items():
        at = next(
            i
            for i, e in enumerate(body)
            if e.tag.endswith("}p") and Paragraph(e, document).text == f"KPI {kpi}: {name}"
        )
        heading, headline = Paragraph(body[at], document), Paragraph(body[at + 1], document)
        assert heading.style is not None and heading.style.name == "Heading 2"
        # Kept with what follows, so a heading never stands at a page's foot without its chart.
        assert heading.paragraph_format.keep_with_next and headline.paragraph_format.keep_with_next
        grid = next(e for e in body[at:] if e.tag.endswith("}tbl"))
        rows = [[c.text for c in row.cells] for row in Table(grid, document).rows]
        table = html.split(f"<caption>KPI {kpi}: the values in the chart</caption>")[1].split(
            "</table>"
        )[0]
        cells = re.findall(
            r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>",
            table,
        )
        assert (
            rows[0] == ["When", "What", "Value", "Note"] and [tuple(r) for r in rows[1:]] == cells
        ), kpi
    assert any(
        p.text
        == "Definition change: From April 2025: Plans transferred in from another area are no longer counted."
        for p in document.paragraphs
    )


def test_each_indicators_heading_prints_on_the_page_of_its_chart(tmp_path: Path) -> None:
    from browser import print_pdf
    from pdf_layout import read_pdf

    page_file = tmp_path / "paper.html"
    page_file.write_text(paper(INDICATORS, MONTH), encoding="utf-8")
    print_pdf(page_file, tmp_path / "paper.pdf")
    pages = [" ".join(page.text.split()) for page in read_pdf(tmp_path / "paper.pdf")]
    for kpi, name in NAMES.items():
        heading = f"KPI {kpi}: {name}"
        # The last page naming the indicator is its appendix page (the scorecard names it first).
        page = [p for p in pages if heading in p][-1]
        after = page.rsplit(heading, 1)[1]
        ticks = [words for words, _ in _ticks(_charts()[kpi], "y") + _ticks(_charts()[kpi], "x")]
        assert len(ticks) >= 6 and all(words in after for words in ticks), (kpi, ticks, after[:300])


def test_the_indicator_paper_has_no_wcag_2_2_a_or_aa_violations(tmp_path: Path) -> None:
    import json

    from browser import page_script
    from test_paper_print import AXE_RUN

    assert json.loads(page_script(paper(INDICATORS, MONTH), AXE_RUN, tmp_path)) == []


@pytest.mark.parametrize(
    ("first", "last", "most"), [("2025-07-01", "2025-09-30", 3), ("1990-01-01", "2099-12-31", 7)]
)
def test_the_time_axis_has_at_most_seven_labels_however_long_the_plan_runs(
    first: str, last: str, most: int
) -> None:
    from datetime import date

    from sendplan_cli.output.paper.charts.chart_model import month_ticks

    ticks = month_ticks(date.fromisoformat(first), date.fromisoformat(last))
    assert 3 <= len(ticks) <= most
    assert all(date.fromisoformat(first) <= when <= date.fromisoformat(last) for when, _ in ticks)
    assert len({words for _, words in ticks}) == len(ticks)


def test_comparators_are_drawn_in_the_chart_and_given_in_its_values_table(tmp_path: Path) -> None:
    # Hertfordshire's published figures come with the national figure and statistical neighbours beside them
    # (tests/fixtures/real/hertfordshire-2025.yaml): a reader compares the council's line with theirs.
    out = tmp_path / "herts.html"
    result = run_cli(
        "report",
        str(FIXTURES / "real" / "hertfordshire-2025.yaml"),
        "--month",
        "2025-08",
        "--as-of",
        "2025-09-01",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    chart = ET.fromstring(
        re.search(r'<svg[^>]*aria-labelledby="kpi-0-title.*?</svg>', html, re.DOTALL).group(0)
    )
    drawn = {g.get("id") for g in chart.iter(f"{NS}g")}
    assert {
        "kpi-0-series-comparator-1",
        "kpi-0-series-comparator-2",
        "kpi-0-series-comparator-3",
    } <= drawn
    key = [t.text for t in chart.iter(f"{NS}text")]
    assert {"National", "Statistical neighbours", "National average"} <= set(key)
    # The national average of 46.4% for 2024 is below every figure of Hertfordshire's since 2023: the axis reaches it.
    lowest = min(float(words.rstrip("%")) for words, _ in _ticks(chart, "y"))
    assert lowest <= 46.4
    assert "Compared with: National average</td><td>46.4%" in html.replace("\n", "")
