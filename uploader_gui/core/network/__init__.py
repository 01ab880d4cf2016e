"""Connections to the API: proxies, certificates, and what their failures mean (no Qt)."""
