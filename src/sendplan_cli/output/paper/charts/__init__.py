"""The paper's charts: one definition per chart, drawn as SVG for HTML and PNG for Word."""
