"""Where uploads go and with which key: the key controller (load, ask, test, save, remove),
the key dialog, and the question before a proxy's password crosses the network unencrypted."""
