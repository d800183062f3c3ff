"""Hostile and broken input (SPEC §9): every bad file gets a located finding.

``corpus`` lists the cases, ``checks`` the properties every outcome must have;
the fuzz target under ``fuzz/`` reuses both.
"""
