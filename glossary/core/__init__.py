"""The bottom layer: errors, limits, atomic writes, config, JSON Schema, disk cache, decoding, XML."""
