"""The Linux implementations (freedesktop.org desktops: GNOME, KDE, …; the BSDs too): XDG
folders, GNOME's proxy settings, glibc's malloc, D-Bus notifications, the desktop entry, a
private socket folder checked with ``SO_PEERCRED``, XDG activation tokens, POSIX signals.

Only :mod:`uploader_gui.platform.chooser` imports these modules (and they each other)."""
