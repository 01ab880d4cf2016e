"""Where the API URL and key come from, before the keyring is consulted."""

from __future__ import annotations

import os
from collections.abc import Mapping

from .errors import ConfigurationError
from .i18n import translate

DEFAULT_API_URL = "https://api.imagepipeline.io"
ENV_API_KEY = "IMAGEPIPELINE_API_KEY"
ENV_API_URL = "IMAGEPIPELINE_API_URL"


def resolve_api_url(cli_value: str | None, env: Mapping[str, str] | None = None) -> str:
    """``--api-url``, else ``$IMAGEPIPELINE_API_URL``, else the production URL."""
    env = os.environ if env is None else env
    for candidate in (cli_value, env.get(ENV_API_URL)):
        if candidate and candidate.strip():
            return candidate.strip()
    return DEFAULT_API_URL


def key_from_environment(env: Mapping[str, str] | None = None) -> str | None:
    """The key from ``$IMAGEPIPELINE_API_KEY``, if set and not blank."""
    env = os.environ if env is None else env
    value = env.get(ENV_API_KEY, "").strip()
    return value or None


def check_api_key(key: str) -> str:
    """The key without surrounding white space; refuse one that cannot go in a header."""
    key = key.strip()
    if not key:
        raise ConfigurationError(translate("Errors", "no API key given"))
    if not all(0x21 <= ord(ch) <= 0x7E for ch in key):
        raise ConfigurationError(
            translate(
                "Errors",
                "the API key contains spaces or characters that cannot be sent; paste it again",
            )
        )
    return key
