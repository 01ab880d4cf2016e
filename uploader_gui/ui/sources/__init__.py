"""Where images come from besides a drop, paste or the file dialog: a screenshot the desktop
takes (File ▸ Take Screenshot…), and other apps through the PicGo-compatible local server."""
