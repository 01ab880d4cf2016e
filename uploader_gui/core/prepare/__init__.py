"""Preparing a file before it leaves the computer: only the picture, as the person meant it.

- ``options``: what was asked (light: imported at start-up);
- ``pipeline``: what to send for a file; ``folder``: where prepared copies live (light);
- ``metadata``: the allowlist rebuild, one walker per container (``jpeg``, ``png``, ``webp``,
  ``gif``) reading through ``source`` a window at a time; ``exif`` and ``found`` name what
  was left out, in the groups of ``fields``;
- ``convert``: HEIC, AVIF, BMP and TIFF to JPEG or PNG, and shrinking (Pillow, pillow-heif;
  ``bands`` encodes a HEIC from libheif's buffer a band at a time);
- ``limits``: the decoders' pixel limit, set once; ``budget``: the memory all decodes share.

Import the modules themselves: this package loads none of them, so the libraries stay off
the start-up path.
"""
