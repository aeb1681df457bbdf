"""CoMensha (Coördinatiecentrum tegen Mensenhandel): publisher.yaml, indicators.yaml, curated/ and parsers (kr_pipeline.publishers)."""
