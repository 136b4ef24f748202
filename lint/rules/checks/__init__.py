"""Python functions behind `kind: python` rules (one module per topic)."""
