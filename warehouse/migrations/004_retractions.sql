-- Figures removed from a curated file are retracted: a new vintage with qualifier
-- 'retracted' (value NULL); the `observations` view no longer shows them, history does.
ALTER TABLE loads ADD COLUMN rows_retracted INTEGER;
