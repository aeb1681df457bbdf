"""Ministerie van Justitie en Veiligheid / IND: publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
