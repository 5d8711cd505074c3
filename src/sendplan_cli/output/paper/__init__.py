"""The board paper, in four levels; each imports only its own package and the levels below it.

4. review_paper.py: the evidence pack for one review (a paper with its own sections).
3. jinja/ (HTML and Markdown) and docx/ (Word): the renderers, side by side.
2. build/ (the month's view of each plan and the builders of the paper's sections) and templating/
   (the sandbox every template runs in, with its filters, limits and errors).
1. document/ (the frozen paper model and its plain-data form) and charts/ (chart definitions, drawn).
"""
