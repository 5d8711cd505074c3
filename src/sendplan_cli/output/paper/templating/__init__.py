"""The sandbox every board-paper template runs in (HTML, Markdown and Word), its filters and limits."""
