"""What every part of the Qt layer stands on: colours (``palette``), thread pools
(``workers``), the one seam that opens modal dialogs (``dialogs``, ``dialog_types``), the
action registry (``actions``), plain-text labels and tooltips, the language at start,
sizes, the row list view, and the thumbnail service the Uploads and History tabs share.
Nothing here imports a feature package."""
