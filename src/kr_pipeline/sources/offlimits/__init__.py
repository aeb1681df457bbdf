"""offlimits: see parser.py."""
