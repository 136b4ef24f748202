"""The `kommlint` command line: thin click layers over the engine."""
