"""Caselog: offline evidence log for reports of harmful content to platforms."""

__version__ = "0.1.0"
