"""govkg: knowledge graphs from Chinese local-government work reports."""

__version__ = "0.1.0"
