"""The MkDocs adapter: options, events, and the mkdocs-static-i18n bridge."""
