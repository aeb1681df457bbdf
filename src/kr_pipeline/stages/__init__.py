"""The pipeline's stages, one module each: fetch (publications into the snapshot store), build
(parse -> validate -> load), update (fetch every source, then build once). The change report
is kr_pipeline.present.report; kr_pipeline.pipeline is the public face of all of them."""
