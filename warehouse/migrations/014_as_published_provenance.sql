-- The words as published and the provenance to the source (issue 27).
-- as_published: the words the publication printed for the value ("ongeveer één op de drie",
-- "minder dan tien", "Drie", "72,913"): a curated file's wording, a parser's matched text.
-- cited_*: a curated figure's citation (the publication it cites, its URL and publisher), so
-- `observations.url` / `publication` name the source itself and not the curated file.
-- traced_to: how far the value is traced: 'source' (read from, or its quote checked in, the
-- cited publication's own stored copy), 'secondary' (its quote checked only in a secondary
-- text: the monitor's chapter), 'unchecked' (the cited document is not stored).
-- checked_in: the stored document the quote was checked in ("kib 2025").
-- Statements loaded before this migration have them NULL (a fresh build fills them).
ALTER TABLE statements ADD COLUMN as_published VARCHAR;
ALTER TABLE statements ADD COLUMN cited_url VARCHAR;
ALTER TABLE statements ADD COLUMN cited_publication VARCHAR;
ALTER TABLE statements ADD COLUMN cited_publisher VARCHAR;
ALTER TABLE statements ADD COLUMN traced_to VARCHAR;
ALTER TABLE statements ADD COLUMN checked_in VARCHAR;
