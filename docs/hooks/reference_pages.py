"""The site's reference pages, generated at build time from the code that `sendplan` itself runs.

An mkdocs hook (mkdocs.yml, `hooks:`): each build asks the rule registry, the typer app and the
JSON Schema afresh, so a page cannot go stale and nothing generated is committed. The rule pages
print each rule's documentation exactly as `sendplan explain` does; the command reference is
every command and option with its help text as `--help` shows it; the plan format reference
walks the JSON Schema that `sendplan schema` prints. A page written by hand may hold a generated
table where it says `<!-- LOAD_ERRORS_TABLE -->`: the load errors, as `sendplan explain` gives them.
"""

from __future__ import annotations

from typing import Any

RULES_DIR = "reference/rules"
LOAD_ERRORS_MARK = "<!-- LOAD_ERRORS_TABLE -->"


def _cell(text: object) -> str:
    """Text for one Markdown table cell: one line, and a `|` that does not end the cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def rule_pages() -> dict[str, str]:
    """One page per rule and load error, keyed by its path under docs/, and their index."""
    from sendplan_cli.check.rules import RULES
    from sendplan_cli.plan.load_errors import LOAD_ERRORS

    pages: dict[str, str] = {}
    rows = ["| code | name | default severity | what it finds |", "| --- | --- | --- | --- |"]
    for e in LOAD_ERRORS:
        pages[f"{RULES_DIR}/{e.code}.md"] = _page(e.code, e.name, "error (load error)", e.doc)
        rows.append(f"| [{e.code}]({e.code}.md) | {e.name} | error | {_cell(e.summary)} |")
    for r in RULES:
        doc = r.doc + _what_sendplan_says(r)
        pages[f"{RULES_DIR}/{r.code}.md"] = _page(r.code, r.name, r.severity.value, doc)
        rows.append(
            f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {_cell(r.summary)} |"
        )
    pages[f"{RULES_DIR}/index.md"] = "\n".join(
        [
            "# Rules and load errors",
            "",
            "Every check sendplan makes, as `sendplan rules` lists them. The load errors (SP0xx)",
            "stop a file being read as a plan and always fail the run; the rules find problems in",
            "a plan that was read, each with a default severity that the configuration may change",
            "([Configuration](../../ci/configuration.md)). Each page is what",
            "`sendplan explain CODE` prints.",
            "",
            *rows,
            "",
        ]
    )
    return pages


# The plan lines every rule example is written under: a rule's examples hold only what it reads.
_EXAMPLE_HEADER = "title: Example plan\npartnership: Example partnership\npublished: April 2024\nboard: Example board\n"


def _what_sendplan_says(rule: Any) -> str:
    """What `sendplan validate` says on the rule's failing example: the message, and the hint saying what to do.

    The example is run through the same engine as a plan; a rule over the plan's history judges a
    change between versions, so its page has its before and after examples only."""
    import re
    import tempfile
    from dataclasses import replace
    from datetime import date
    from pathlib import Path

    from sendplan_cli.check.config import Config
    from sendplan_cli.check.engine import run_rules
    from sendplan_cli.check.pipeline import load_model

    failing = re.search(r"Fails:\s*```yaml\n(.*?)```", rule.doc, re.DOTALL)
    as_of = re.search(r"# as-of: (\S+)", failing.group(1)) if failing else None
    if failing is None or as_of is None:
        return ""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.yaml"
        path.write_text(_EXAMPLE_HEADER + failing.group(1), encoding="utf-8")
        loaded, plan = load_model(path)
        if plan is None:
            return ""
        # Suppression rules judge other rules' findings, so every rule runs for their examples.
        config = (
            Config()
            if rule.code.startswith("SP9")
            else replace(Config(), select=frozenset({rule.code}))
        )
        said = [
            d
            for d in run_rules(plan, loaded, config, date.fromisoformat(as_of.group(1)))
            if d.code == rule.code
        ]
    if not said:
        return ""
    lines = ["", "", "What sendplan says on the failing example, and what to do:", ""]
    for d in said:
        lines += [f"- {_plain(d.message)}" + (f"; what to do: {_plain(d.hint)}" if d.hint else "")]
    return "\n".join(lines)


def _plain(text: str) -> str:
    """A message shown as written: no character in it is read as Markdown or HTML."""
    import html
    import re

    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", html.escape(text, quote=False))


def _page(code: str, name: str, severity: str, doc: str) -> str:
    return "\n".join(
        [
            f"# {code} {name}",
            "",
            "| code | name | default severity |",
            "| --- | --- | --- |",
            f"| {code} | {name} | {severity} |",
            "",
            f"`sendplan explain {code}` (or `sendplan explain {name}`) prints this page.",
            "",
            doc,
            "",
            "[All rules and load errors](index.md)",
            "",
        ]
    )


def commands_page() -> str:
    """Every command of the typer app with its help and each option as `--help` shows it."""
    import typer.main

    from sendplan_cli.cli import app

    # typer carries its own copy of click, so the command objects are read by what they hold.
    root = typer.main.get_command(app)
    out = ["# Commands", "", "Every command and option, from the command line's own help.", ""]
    out += _command_tree(root, root.context_class(root, info_name="sendplan"), "sendplan")
    return "\n".join(out) + "\n"


def _command_tree(command: Any, ctx: Any, title: str) -> list[str]:
    """A command's section, then one for each command under it (`sendplan update action`)."""
    out = _command(command, ctx, title)
    for name in getattr(command, "list_commands", lambda _: [])(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            child = sub.context_class(sub, info_name=name, parent=ctx)
            out += _command_tree(sub, child, f"{title} {name}")
    return out


def _command(command: Any, ctx: Any, title: str) -> list[str]:
    out = [f"## `{title}`", ""]
    if command.help:
        out += [" ".join(command.help.split()), ""]
    out += ["```text", f"Usage: {title} {' '.join(command.collect_usage_pieces(ctx))}", "```", ""]
    records = [(p.param_type_name, p.get_help_record(ctx)) for p in command.get_params(ctx)]
    for kind, heading in (("argument", "argument"), ("option", "option")):
        rows = [record for found, record in records if found == kind and record is not None]
        if rows:
            out += [f"| {heading} | what it does |", "| --- | --- |"]
            out += [f"| `{_cell(names)}` | {_cell(help_text)} |" for names, help_text in rows]
            out.append("")
    return out


def schema_page() -> str:
    """The plan format: every key of every part of a plan, from the JSON Schema."""
    from sendplan_cli.plan.schema import plan_schema

    schema = plan_schema()
    out = [
        "# Plan format reference",
        "",
        "Every key a plan file may hold, generated from the JSON Schema that",
        "`sendplan schema` prints (and editors read through each plan's first line). A key in",
        "**bold** is required. " + _cell(schema.get("description", "")),
        "",
        "## Plan",
        "",
    ]
    out += _keys(schema)
    for name, part in sorted(schema.get("$defs", {}).items()):
        out += [f"## {name}", ""]
        if part.get("description"):
            out += [_cell(part["description"]), ""]
        if "properties" in part:
            out += _keys(part)
        else:
            out += [f"Type: {_type(part)}.", ""]
    return "\n".join(out) + "\n"


def _keys(part: dict[str, Any]) -> list[str]:
    required = set(part.get("required", []))
    rows = ["| key | type | allowed values | description |", "| --- | --- | --- | --- |"]
    for key, spec in part.get("properties", {}).items():
        shown = f"**`{key}`**" if key in required else f"`{key}`"
        rows.append(
            f"| {shown} | {_type(spec)} | {_cell(_allowed(spec))} | {_cell(_description(spec))} |"
        )
    return [*rows, ""]


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        return " or ".join(dict.fromkeys(_type(s) for s in spec["anyOf"]))
    kind = spec.get("type")
    if kind == "array":
        return "list of " + _type(spec.get("items", {}))
    if isinstance(kind, list):
        # A text key accepts an unquoted number or word: sendplan reads every value as written.
        return "text" if "string" in kind else " or ".join(kind)
    names = {"string": "text", "integer": "whole number", "number": "number", "null": "empty"}
    return names.get(str(kind), str(kind) if kind else "any")


def _allowed(spec: dict[str, Any]) -> str:
    values: list[str] = []
    for s in [spec, *spec.get("anyOf", [])]:
        values += [str(v) for v in s.get("enum", []) if str(v) not in values]
        if "const" in s:
            values.append(str(s["const"]))
    return ", ".join(values)


def _description(spec: dict[str, Any]) -> str:
    found = spec.get("description") or next(
        (s["description"] for s in spec.get("anyOf", []) if "description" in s), ""
    )
    return str(found)


def load_error_table(rules_link: str) -> str:
    """Every load error with what it means, each code linking to its page under rules_link."""
    from sendplan_cli.plan.load_errors import LOAD_ERRORS

    rows = ["| code | name | what it means |", "| --- | --- | --- |"]
    rows += [
        f"| [{e.code}]({rules_link}/{e.code}.md) | {e.name} | {_cell(e.meaning)} |"
        for e in LOAD_ERRORS
    ]
    return "\n".join(rows)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Put the generated load error table where a page marks its place."""
    if LOAD_ERRORS_MARK not in markdown:
        return markdown
    import posixpath

    here = posixpath.dirname(page.file.src_uri)
    link = posixpath.relpath(RULES_DIR, here or ".")
    return markdown.replace(LOAD_ERRORS_MARK, load_error_table(link))


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages to the site, as if they were written under docs/."""
    from mkdocs.structure.files import File

    pages = rule_pages()
    pages["reference/commands.md"] = commands_page()
    pages["reference/plan-format.md"] = schema_page()
    for path, text in pages.items():
        files.append(File.generated(config, path, content=text))
    _list_rules_in_nav(config["nav"], sorted(p for p in pages if p.startswith(f"{RULES_DIR}/SP")))
    return files


def _list_rules_in_nav(nav: list[Any], rule_paths: list[str]) -> None:
    """Put every rule page under the rules index in the navigation, where the index is named."""
    index = f"{RULES_DIR}/index.md"
    for position, entry in enumerate(nav):
        if isinstance(entry, dict):
            for title, value in entry.items():
                if value == index:
                    nav[position] = {title: [index, *rule_paths]}
                elif isinstance(value, list):
                    _list_rules_in_nav(value, rule_paths)
