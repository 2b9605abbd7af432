"""The model stage: the analytics mart built from the linked store, and the semantic layer over it."""
