"""diglot: offline Korean–English translation, glossary enforcement, alignment and editions."""

__version__ = "0.1.0"
