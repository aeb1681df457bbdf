"""Ingest: what brings publications in: downloads (download, urls), the snapshot store
(snapshots, inventory) and parsing in a limited child process (isolation)."""
