"""The paper's model: frozen, typed sections of blocks, and the plain data templates are given."""
