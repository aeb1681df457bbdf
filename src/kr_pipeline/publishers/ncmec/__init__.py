"""National Center for Missing & Exploited Children (NCMEC): publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
