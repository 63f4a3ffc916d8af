"""Romanization: scheme data, engine, skeleton, Lexicon, reverse, detection."""
