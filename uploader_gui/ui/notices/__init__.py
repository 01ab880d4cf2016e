"""What the window says besides the rows: the notice bar and each kind of notice (the
network, the history, the settings file), and desktop notifications."""
