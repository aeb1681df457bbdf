"""CKM / Chat met Fier: publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
