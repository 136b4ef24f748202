"""Everything Swedish and nothing about rules: pipeline, lexicon, detectors, views, metrics."""
