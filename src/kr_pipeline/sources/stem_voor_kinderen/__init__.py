"""stem_voor_kinderen: see parser.py."""
