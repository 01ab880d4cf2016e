"""The Qt-free core: upload client, type sniffing, link formats, settings and stores.

Nothing in this package imports Qt, so the headless command and the tests use it without a
``QApplication``.
"""
