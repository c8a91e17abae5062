"""``simulate explore`` as a person starts it: an address on 127.0.0.1, a page that needs
nothing from the internet, stopped by Ctrl+C or a closed terminal, one line for a busy
port, and no file written where it runs."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")


def start(cwd: Path, *args: str, timeout: float = 90.0,
          ignore: tuple[int, ...] = ()) -> tuple[subprocess.Popen, str]:
    """The explorer in a child process, as from a terminal; returns it and the address it
    printed. A test worker may ignore Ctrl+C (pytest-xdist's do) or a closed terminal (a
    suite run under nohup), and a child inherits that, so the child gets a terminal's
    defaults back before it starts, but for the signals in ``ignore``."""
    terminal = ("import runpy, signal, sys; "
                "signal.signal(signal.SIGINT, signal.default_int_handler); "
                "[signal.signal(s, signal.SIG_IGN if s in "
                f"{list(map(int, ignore))} else signal.SIG_DFL) for s in "
                f"{[int(signal.SIGHUP), int(signal.SIGTERM)]}]; "
                "runpy.run_module('simulate', run_name='__main__', alter_sys=True)")
    proc = subprocess.Popen([sys.executable, "-c", terminal, "explore", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    end = time.monotonic() + timeout
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not ADDRESS.search(line):
        proc.kill()
        raise AssertionError(f"no address within {timeout} s: {line!r} "
                             f"{proc.communicate(timeout=10)}")
    assert time.monotonic() < end
    return proc, ADDRESS.search(line).group(0)


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode()


def stop(proc: subprocess.Popen, sig: int) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError(f"still running 20 s after signal {sig}") from None
    return proc.returncode, err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_server_and_nothing_is_written_where_it_ran(small, tmp_path, sig):
    base_path, paths = small
    cwd = tmp_path / "here"
    cwd.mkdir()
    proc, url = start(cwd, "--base", str(base_path), *map(str, paths.values()), "--port", "0",
                      "--reps", "3")
    try:
        status, page = get(url)
        assert status == 200
        # The page and every script it loads come from this server: nothing from elsewhere.
        sources = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert sources and all(s.startswith("/") for s in sources), sources
        assert "http://" not in page.replace(url, "") and "https://" not in page
        layout = get(url + "_dash-layout")[1]
        assert "http" not in layout
        assert json.loads(get(url + "_dash-dependencies")[1])
        if sig == signal.SIGINT:  # a second explorer on the same port says so
            second = subprocess.run([sys.executable, "-m", "simulate", "explore", "--base",
                                     str(base_path), str(paths["coaches"]), "--port",
                                     url.rsplit(":", 1)[1].rstrip("/")],
                                    cwd=cwd, capture_output=True, text=True, timeout=120,
                                    check=False)
            assert second.returncode == 2
            assert len(second.stderr.splitlines()) == 1 and "is in use" in second.stderr
    finally:
        code, err = stop(proc, sig)
    assert code == 0, err
    assert err.strip().splitlines()[-1] == "explorer stopped"
    port = int(url.rsplit(":", 1)[1].rstrip("/"))
    with socket.socket() as s:  # nothing listens on the port any more
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
        s.listen()
    assert list(cwd.iterdir()) == []


def test_started_with_nohup_it_outlives_its_terminal(small, tmp_path):
    """A closed terminal (SIGHUP) does not stop an explorer started ignoring it; SIGTERM
    still does."""
    base_path, paths = small
    proc, url = start(tmp_path, "--base", str(base_path), str(paths["coaches"]), "--port",
                      "0", "--reps", "2", ignore=(signal.SIGHUP,))
    proc.send_signal(signal.SIGHUP)
    time.sleep(1.0)
    assert proc.poll() is None and get(url)[0] == 200
    code, err = stop(proc, signal.SIGTERM)
    assert code == 0 and err.strip().splitlines()[-1] == "explorer stopped"


def test_a_second_start_on_a_busy_port_says_so_in_one_line(small, tmp_path):
    base_path, paths = small
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "simulate", "explore", "--base",
                               str(base_path), str(paths["coaches"]), "--port", str(port)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        (f"explore error: port {port} on 127.0.0.1 is in use (another explorer, or another "
         "program); give a free one with --port")]
    assert done.stdout == ""


def test_bad_input_is_one_line_and_exit_code_2(small, tmp_path):
    base_path, _ = small
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\npolicies:\n  - dedicated_coaches: {coaches: -3}\n")
    done = subprocess.run([sys.executable, "-m", "simulate", "explore", "--base",
                           str(base_path), str(broken), "--port", "0"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert "dedicated_coaches.coaches" in done.stderr
    done = subprocess.run([sys.executable, "-m", "simulate", "explore", "--port", "70000"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1
