"""Preparing a file before it leaves the computer: what is sent is what the person meant."""

from __future__ import annotations

from .convert import Converted, PrepareError, convert, convertible, shrink
from .metadata import MetadataError, RemovedGroup, Stripped, StripStatus, strip_metadata

__all__ = [
    "Converted",
    "MetadataError",
    "PrepareError",
    "RemovedGroup",
    "StripStatus",
    "Stripped",
    "convert",
    "convertible",
    "shrink",
    "strip_metadata",
]
