"""The platform seam: everything that depends on the operating system, behind one small
interface per concern, with the implementation for each system chosen in one place.

=====================  ===========================  =====================================
concern                interface                    Linux (freedesktop) implementation
=====================  ===========================  =====================================
where files live       :mod:`.locations`            :mod:`.linux.xdg_locations`
the system proxy       :mod:`.proxy_source`         :mod:`.linux.gnome_proxy`
freed memory           :mod:`.memory`               :mod:`.linux.glibc_memory`
notifications          :mod:`.notifications`        :mod:`.linux.dbus_notifications`
menu entry, Open with  :mod:`.menu_entry`           :mod:`.linux.desktop_entry`
single instance        :mod:`.instance`             :mod:`.linux.private_socket`
window activation      :mod:`.activation`           :mod:`.linux.xdg_activation`
quit requests          :mod:`.termination`          :mod:`.linux.signals`
=====================  ===========================  =====================================

:mod:`.chooser` is the one module that looks at which system this is (``sys.platform``,
``os.name``) and the one that imports an implementation; everything else asks it
(``chooser.locations()``, ``chooser.notifications(...)``, …). macOS and Windows have no
implementations of their own yet: they get :mod:`.fallback` (what the app did there before
this seam, or nothing) and, where it worked there before, the Linux one. See
``packaging/PORTING.md`` for how each port would fill each interface.

Layers (``tests/test_import_layers.py``): the core may import the chooser and the interfaces
(nothing of Qt is loaded until a Qt-level implementation is asked for: notifications, quit
requests); the seam imports nothing of the Qt layer, the desktop integration or the command
line, which hand it what it needs (an icon renderer, a worker pool, Qt's platform name).
"""
