"""Thin PySide6 widgets over the core; ui/app.py wires them together."""
