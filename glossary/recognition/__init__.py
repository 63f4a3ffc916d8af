"""Recognition: the one term matcher for lint, extract, print --for and tm check."""
