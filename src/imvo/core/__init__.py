"""The pure-Python core: reference data, importers, risk scoring, obligations, text assessment.

Nothing under ``imvo.core`` may import Django or ``imvo.web``; ``tests/core/test_boundaries.py``
enforces it so that the core stays usable from the CLI and notebooks.
"""
