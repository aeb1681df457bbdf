"""Significant Public / VNG: publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
