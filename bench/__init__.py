"""Benchmarks: a synthetic archive, and Diglot measured against baselines (`make bench`)."""
