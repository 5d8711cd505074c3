"""The Word paper, laid out with python-docx (or a user's Word template), from the same model."""
