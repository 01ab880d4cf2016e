"""Custom destinations: ShareX-compatible uploaders (``.sxcu``), their syntax, their storage
with secrets in the keyring, and the request and reply of one upload (no Qt here)."""
