"""Oracles for `smsgwctl config`: Python's hashlib (an independent SHA-256) for API key hashes,
Python's crypt module for the crypt(3) strings, and tomllib (an independent TOML reader) for
the shipped configuration files."""
import hashlib
import os
import pathlib
import secrets
import subprocess
import tomllib
import warnings

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def hash_secret(secret, *flags):
    done = subprocess.run([os.environ["SMSGWCTL"], "config", "hash-secret", *flags],
                          input=secret, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\n") and done.stdout.count("\n") == 1
    return done.stdout[:-1]


# Keys of every length around SHA-256's block and padding limits, plus non-ASCII text.
@pytest.mark.parametrize("key", ["k", "x" * 55, "y" * 56, "z" * 64, "ünïcødé-κλειδί-🔑",
                                 secrets.token_urlsafe(32)])
def test_api_key_hash_is_hashlib_sha256(key):
    expected = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    assert hash_secret(key, "--api-key") == expected


@pytest.mark.parametrize("flags,prefix", [((), "$y$"), (("--sha512-crypt",), "$6$")])
def test_password_hash_verifies_with_crypt(flags, prefix):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt
    password = "pässwörd " + secrets.token_hex(4)
    stored = hash_secret(password, *flags)
    assert stored.startswith(prefix)
    assert crypt.crypt(password, stored) == stored
    assert crypt.crypt(password + "x", stored) != stored


@pytest.mark.parametrize("name,modems,sims", [("gateway.toml", 8, 16), ("demo.toml", 8, 16)])
def test_shipped_files_read_the_same_with_tomllib(name, modems, sims):
    path = REPO / "etc" / "smsgw" / name
    document = tomllib.loads(path.read_text())
    assert len(document["modems"]) == modems and len(document["sims"]) == sims
    done = subprocess.run([os.environ["SMSGWCTL"], "config", "check", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout
    groups = len(document["sim_groups"])
    routes = len(document.get("routes", []))
    assert f"{modems} modems, {sims} SIMs, {groups} SIM groups, " in done.stdout
    assert f" {routes} route" in done.stdout
