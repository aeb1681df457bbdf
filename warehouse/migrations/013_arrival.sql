-- The order in which each snapshot arrived in the store (issue 25): versions of a publication
-- are ordered by it, never by the machine's clock (retrieved_at stays, as provenance). From the
-- sidecar's `arrival`; NULL for sidecars written before there were arrival numbers: those
-- count as having arrived first, in the order of retrieved_at, then sha256 (views.sql).
ALTER TABLE snapshots ADD COLUMN arrival INTEGER;
