"""What a system without a port of its own gets (macOS and Windows, today): nothing where
there is nothing portable to do, the tray for notifications, Qt's named pipes for the single
instance on Windows, as the app did there before the seam. ``packaging/PORTING.md`` says
what each port would do instead.

Only :mod:`uploader_gui.platform.chooser` imports these modules."""
