"""mkdocs-legal: legal pages for MkDocs sites, rendered from one data file."""

__version__ = "0.1.0"
