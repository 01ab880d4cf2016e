"""Copying and opening links for rows and history entries, auto-copy when a drop finishes
(``service``), and the row above the tabs with the format and Copy all (``top_bar``)."""
