"""The monthly update round in spreadsheets: forms exported per lead, read back into the plan."""
