"""Settings: the store (``settings.ini``), the dialog in tabs, the round trip that applies
what was chosen (``preferences``), and the link templates' table."""
