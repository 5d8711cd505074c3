"""What one board paper covers: the plans' views, the month and the dates it is written for.

Both renderers (jinja/ and docx/) and the evidence pack take a Paper; its model is built on first use,
so a caller that only needs the dates pays nothing for the builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendplan_cli.output.paper.build.view import PlanView
from sendplan_cli.output.paper.document.paper_model import BoardPaper


@dataclass(frozen=True)
class Paper:
    """What one board paper covers."""

    views: list[PlanView]
    month: date
    as_of: date
    generated: date

    def model(self) -> BoardPaper:
        """The paper's sections, built once from the views (output/paper/build/)."""
        from sendplan_cli.output.paper.build import board_paper

        return board_paper(self.views, self.month, self.as_of, self.generated)
