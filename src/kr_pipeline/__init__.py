"""kr-pipeline: figures for the monitor "Kinderrechten in Beweging".

Publications are snapshotted (raw file + provenance sidecar), parsed without network,
validated with Great Expectations and loaded into DuckDB with vintages.
"""

__version__ = "0.1.0"
