"""imvo: responsible business conduct (IMVO) due diligence."""

__version__ = "0.1.0"
