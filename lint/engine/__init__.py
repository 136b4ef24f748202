"""Running rules over files: the linter, configuration, suppression, cache, fixes, baseline."""
