"""Desktop integration: the app's id, icon, shipped files, install command, single instance,
raising the window. What differs from one system to another is in :mod:`uploader_gui.platform`.

Nothing here imports httpx or keyring: these modules sit on the window's start-up path.
"""

#: The reverse-DNS application id: the desktop entry's file id (without ``.desktop``), the
#: icon name, the AppStream component id and ``QGuiApplication.desktopFileName()``.
APP_ID = "io.imagepipeline.UploaderGui"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_SVG = f"{APP_ID}.svg"
