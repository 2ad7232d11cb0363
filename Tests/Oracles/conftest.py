"""Shared fixtures of the oracle tests: they run our `smsgwctl` and compare what it says with
third-party libraries (PyPI and Debian), which Tests/Oracles/README.md describes."""
import json
import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def smsgwctl():
    """Runs `smsgwctl ARGS` and returns (exit status, stdout, stderr)."""
    path = os.environ.get("SMSGWCTL")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("SMSGWCTL must name the built smsgwctl (scripts/test sets it)")

    def run(*args):
        done = subprocess.run([path, *args], capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def smsgwctl_json(smsgwctl):
    """Runs `smsgwctl ARGS`, requires exit 0, and returns its JSON output."""
    def run(*args):
        status, out, err = smsgwctl(*args)
        assert status == 0, f"smsgwctl {' '.join(args)} exited {status}: {err}"
        return json.loads(out)

    return run
