"""Preparing a file before it leaves the computer: what is sent is what the person meant.

- ``options``: what was asked (light: imported at start-up);
- ``pipeline``: what to send for a file; ``folder``: where prepared copies live (light);
- ``metadata``: lossless removal of personal metadata (python-exiv2, pypng), with the field
  groups and tags in ``fields``;
- ``convert``: HEIC, AVIF, BMP and TIFF to JPEG or PNG, and shrinking (Pillow, pillow-heif).

Import the modules themselves: this package loads none of them, so the libraries stay off
the start-up path.
"""
