"""Domain types, errors and normalisation. Imports neither Qt nor the store."""
