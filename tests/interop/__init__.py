"""Interop harness: the published schema in the tools people use, compared with the models."""
