"""Russian: morphology (pymorphy3, cached) and the names lexicon."""
