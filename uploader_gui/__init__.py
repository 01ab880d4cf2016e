"""uploader-gui: drag images onto a window, get public URLs for the ImagePipeline APIs."""

__version__ = "0.1.0"
APP_NAME = "uploader-gui"
