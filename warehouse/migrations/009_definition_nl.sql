-- The indicator's definition in Dutch beside the English one (the Dutch site shows it).
ALTER TABLE indicators ADD COLUMN definition_nl VARCHAR;
