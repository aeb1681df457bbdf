-- Which organisation a registry source belongs to (issue 23): a source is a channel (CoMensha's
-- curated file, CoMensha's web publication); precedence compares organisations, the channel
-- feeds the role rank. NULL for warehouses of before: the source's own id, as it was.
ALTER TABLE sources ADD COLUMN organisation VARCHAR;
