"""``simulate explore [SCENARIO ...]``: a local web app to move a programme's levers and see
the paired answer against the base, refined as replications finish."""

from __future__ import annotations

import argparse
import errno
import logging
import signal
import socket
import sys

from simulate import memory
from simulate.cli.common import bounded_int, reps_int, seed_int
from simulate.report.text import LANGUAGES

HOST = "127.0.0.1"   # this machine only: the page is for the person at it
DEFAULT_PORT = 8050
port_int = bounded_int(0, 65535, "a port")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "explore", help="a local web app: move a programme's levers, see what it adds",
        description="Start a web app on this machine (127.0.0.1) and print its address: pick a "
                    "programme, move its levers and see its paired answer against the base "
                    "within seconds, refined as more replications finish; the numbers are "
                    "those `simulate compare` gives for the same settings, seed and "
                    "replications. Works offline. Ctrl+C (or closing the terminal) stops it.")
    p.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                   help="programme scenario YAML to offer (default: the shipped programmes "
                        "in scenarios/)")
    p.add_argument("--base", metavar="FILE",
                   help="base scenario YAML (default: scenarios/baseline.yaml)")
    p.add_argument("--port", type=port_int, default=DEFAULT_PORT,
                   help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0: any free port)")
    p.add_argument("--lang", choices=LANGUAGES, default="nl",
                   help="language of the page (default nl; the page has a switch)")
    p.add_argument("--reps", type=reps_int,
                   help="replications of a full answer (default: the base's)")
    p.add_argument("--seed", type=seed_int, help="root seed (default: the base's)")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    try:
        from werkzeug.serving import make_server

        from simulate.explore.app import build_app
    except ImportError as err:
        print(f"explore error: the explorer needs the package {err.name or 'dash'}; install "
              "it with: pip install 'pathways-simulate[explore]'", file=sys.stderr)
        return 1
    from simulate.explore.programmes import Explorer, shipped_folder, shipped_programmes

    folder = shipped_folder()
    base = args.base or str(folder / "baseline.yaml")
    paths = args.scenarios or [str(p) for p in shipped_programmes(folder)]
    explorer = Explorer(base, paths, reps=args.reps, seed=args.seed)
    memory.check_runs(base, [explorer.base.params()], explorer.reps, explorer.months, 1)
    app = build_app(explorer, args.lang)
    # One line per request would drown the address in the terminal.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    # The socket is bound here rather than by the server, which answers a busy port with
    # lines of its own and exit code 1.
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # A port left in TIME_WAIT by the last explorer is free; one another server listens
    # on is not (Linux refuses that bind even so).
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((HOST, args.port))
        listening.listen(128)
    except OSError as err:
        listening.close()
        if err.errno != errno.EADDRINUSE:
            raise
        print(f"explore error: port {args.port} on {HOST} is in use (another explorer, or "
              "another program); give a free one with --port", file=sys.stderr)
        return 2
    server = make_server(HOST, args.port, app.server, threaded=True, fd=listening.fileno())
    listening.close()  # the server has its own copy
    stopping = _stop_on_signals()
    explorer.engine.start()
    print(f"Pathways explorer: http://{HOST}:{server.port}/ (Ctrl+C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        explorer.engine.stop()
        stopping()
    print("explorer stopped", file=sys.stderr)
    return 0


def _stop_on_signals():
    """SIGTERM and SIGHUP (a closed terminal) stop the server as Ctrl+C does; returns what
    puts the previous handlers back. A signal the explorer was started ignoring stays
    ignored (``nohup simulate explore`` outlives its terminal)."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)
                if signal.getsignal(s) is not signal.SIG_IGN}
    return lambda: [signal.signal(s, h) for s, h in previous.items()]

