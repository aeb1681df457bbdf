"""Internet Watch Foundation (IWF): publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
