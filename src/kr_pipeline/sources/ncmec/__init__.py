"""ncmec: see parser.py."""
