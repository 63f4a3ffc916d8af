"""Romanization schemes as data: one JSON file per scheme, validated by scheme.schema.json on load."""
