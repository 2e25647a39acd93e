"""Faster paths through whoosh 2.7.4 that rely on its private names.

Only the modules here may touch a private name of whoosh (an underscore name, or a method
overridden or patched); the rest of the index uses its public API. Each module's docstring
ends with the list "whoosh private names used:", which
`tests/core/index/speedups/test_whoosh_pin.py` checks against the installed whoosh.
"""
