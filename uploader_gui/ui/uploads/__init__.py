"""The Uploads tab: files coming in (``intake``, ``drop_area``), running them (``queue``),
the list's items (``model``), painting a row (``delegate``, ``row_painting``), "Uploading N of
M" (``run_tracker``), and the tab itself (``page``)."""
