"""iwf: see parser.py."""
