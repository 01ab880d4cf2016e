"""The History tab: the history store's one thread (``controller``), its model and panel
(``view``), and the tab itself (``page``)."""
