"""`sendplan lsp`: a language server that shows sendplan's findings in the editor as the author types.

Imported only by the `lsp` command: pygls and this package stay off `validate`'s start-up path.
"""
