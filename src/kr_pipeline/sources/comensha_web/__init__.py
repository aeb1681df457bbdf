"""CoMensha's "Het beeld van <jaar>": the chapter pages of its annual figures (publicaties.comensha.nl)."""
