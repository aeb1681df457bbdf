"""Present: what readers see: how a value reads (presentation), charts, the site (website/),
the editors' files (export, review_workbook), the change report (report), the published
copy (publish) and the guard of every folder replaced whole (outdir)."""
