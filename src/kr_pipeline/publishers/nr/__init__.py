"""Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen: publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
