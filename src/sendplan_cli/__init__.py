"""sendplan: check and report on local-area SEND improvement plans kept as YAML."""

__version__ = "0.1.0"
