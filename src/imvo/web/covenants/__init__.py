"""Sector covenants (IMVO-convenanten): a shared workspace for a sector agreement. See docs/covenants.md."""
