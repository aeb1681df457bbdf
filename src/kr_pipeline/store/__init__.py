"""Store: the DuckDB warehouse: its connection (connection), schema and loads (warehouse),
validation before a load (validate), runs, review, and what kr status and kr history read
(status, provenance); comments describe every table and view."""
