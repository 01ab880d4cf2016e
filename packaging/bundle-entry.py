"""The bundle's entry point: PyInstaller runs this file as the frozen program's script."""

from uploader_gui.cli import main

raise SystemExit(main())
