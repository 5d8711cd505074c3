"""The HTML and Markdown papers, rendered through Jinja templates in the sandbox."""
