"""Serve TimelineJS (installed by scripts/test.sh from the npm registry into tests/vendor) and one timeline JSON
from a local static server, so a browser test can open an export in TimelineJS itself, offline."""
from __future__ import annotations

import functools
import json
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import ROOT

DIST = ROOT / "tests" / "vendor" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS check</title>
<link rel="stylesheet" href="dist/css/timeline.css"><script src="dist/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width:1000px;height:640px"></div>
<script>
window.timeline = new TL.Timeline("timeline-embed", %s,
  {script_path: location.origin + "/dist/js/", language: "en", font: null, ga_measurement_id: null,
   track_events: []});  // font: null -- the default font CSS loads web fonts from outside
</script></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@contextmanager
def timelinejs_server(timeline_json: bytes, folder: Path):
    """http://127.0.0.1:<port>/ shows the timeline; TimelineJS' own files come from tests/vendor."""
    (folder / "dist").symlink_to(DIST, target_is_directory=True)
    (folder / "index.html").write_text(PAGE % json.dumps(json.loads(timeline_json)), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()
