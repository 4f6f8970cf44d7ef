"""Blueprint Studio: an offline workshop tool for service blueprints and journey maps."""

__version__ = "0.2.0"
