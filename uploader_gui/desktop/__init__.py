"""Desktop integration: the app's id, icon, desktop entry, install command, single instance.

Nothing here imports httpx or keyring: these modules sit on the window's start-up path.
"""

#: The reverse-DNS application id: the desktop entry's file id (without ``.desktop``), the
#: icon name, the AppStream component id and ``QGuiApplication.desktopFileName()``.
APP_ID = "io.imagepipeline.UploaderGui"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_SVG = f"{APP_ID}.svg"
