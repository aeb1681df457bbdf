-- Which series an accepted review candidate was written as (`kr review accept` may name
-- another indicator, period or breakdown than the parser proposed): a second candidate for the
-- same series is refused, even when the curated file no longer holds the first.
ALTER TABLE review_decisions ADD COLUMN indicator_id VARCHAR;
ALTER TABLE review_decisions ADD COLUMN period VARCHAR;
ALTER TABLE review_decisions ADD COLUMN breakdown VARCHAR;
