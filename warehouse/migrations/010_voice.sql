-- Whose voice a publication speaks in (issue 22): 'own' (the publisher's own site or report),
-- 'reported' (press, another organisation, an umbrella body), or NULL for tables and curated
-- files, whose provenance is their citation. Only the own voice loads prose figures by itself.
ALTER TABLE loads ADD COLUMN voice VARCHAR;
