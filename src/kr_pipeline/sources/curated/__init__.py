"""curated: see parser.py."""
