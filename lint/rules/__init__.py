"""The rule API, the rule kinds, the built-in checks, rule packs and profiles."""
