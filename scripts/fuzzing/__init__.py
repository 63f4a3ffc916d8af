"""The parts of scripts/fuzz.py: mutators, seeds and targets, the child runner, the shrinker."""
