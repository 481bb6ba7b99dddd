"""Shared pieces of the benchmark: paths, starting Streamlit, the guarded Chromium, RSS, statistics."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"          # git-ignored: synthetic datasets, server logs, snapshots
BARE = BENCH / "bare.py"
sys.path.insert(0, str(ROOT / "tests"))

import browser as waits  # noqa: E402  tests/browser.py: the wait helpers the browser tests use
from conftest import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, _free_port  # noqa: E402

PYTHON = sys.executable


@dataclass
class Server:
    proc: subprocess.Popen
    url: str
    log: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_streamlit(script: Path, app_dir: Path, env: dict | None = None, timeout: float = 90) -> Server:
    """`streamlit run SCRIPT` on a free port, exactly as tests/conftest.start_app starts dashboard.py
    (same flags, same cwd so the same .streamlit/config.toml), but for any script and app folder:
    the bare page is started the same way as the app."""
    logs = RESULTS / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    full_env = {**os.environ, "PYTHONPATH": str(app_dir), **(env or {})}
    log_path = logs / f"streamlit-{Path(script).stem}-{port}.log"
    log = open(log_path, "w")
    proc = subprocess.Popen([PYTHON, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=app_dir, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log_path}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return Server(proc, url, log_path)
        except OSError:
            time.sleep(0.2)  # polling the health endpoint
    proc.kill()
    raise RuntimeError(f"streamlit did not become healthy in {timeout:.0f} s; see {log_path}")


class Served:
    """scripts/serve.sh --workers N: N `streamlit run dashboard.py` workers behind HAProxy on one port."""

    def __init__(self, proc: subprocess.Popen, url: str, run_dir: Path, log: Path, worker_ports: list[int]):
        self.proc, self.url, self.run_dir, self.log, self.worker_ports = proc, url, run_dir, log, worker_ports

    def _pid(self, name: str) -> int | None:
        try:
            return int((self.run_dir / f"{name}.pid").read_text())
        except (OSError, ValueError):
            return None

    def worker_pids(self) -> list[int]:
        return [pid for i in range(len(self.worker_ports)) if (pid := self._pid(f"w{i + 1}"))]

    @property
    def proxy_pid(self) -> int | None:
        return self._pid("haproxy")

    @property
    def worker_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.worker_ports]

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # serve.sh stops HAProxy and every worker it started
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def worker_env(app_dir: Path = ROOT) -> dict:
    """The production settings scripts/serve.sh gives its workers (deploy/worker.env: KEY=VALUE lines)."""
    path = app_dir / "deploy" / "worker.env"
    if not path.exists():
        path = ROOT / "deploy" / "worker.env"
    env = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() and not key.lstrip().startswith("#"):
            env[key.strip()] = value.strip()
    return env


def start_served(app_dir: Path, workers: int, env: dict | None = None, timeout: float = 180) -> Served:
    """`scripts/serve.sh --workers N` of the app folder on free ports (proxy on 127.0.0.1); returns once the
    proxy and every worker answer /_stcore/health."""
    logs = RESULTS / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    port, worker_ports = _free_port(), [_free_port() for _ in range(workers)]
    run_dir = RESULTS / f"serve-{port}"
    full_env = {**os.environ, "PYTHONPATH": str(app_dir), "STREAMLIT": str(Path(PYTHON).with_name("streamlit")),
                **(env or {})}
    log_path = logs / f"serve-{workers}w-{port}.log"
    with open(log_path, "w") as log:
        script = app_dir / "scripts" / "serve.sh"
        proc = subprocess.Popen(["bash", str(script if script.exists() else ROOT / "scripts" / "serve.sh"),
                                 "--workers", str(workers), "--proxy", "--port", str(port), "--address", "127.0.0.1",
                                 "--worker-ports", ",".join(map(str, worker_ports)), "--run-dir", str(run_dir)],
                                cwd=app_dir, env=full_env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    served = Served(proc, f"http://127.0.0.1:{port}", run_dir, log_path, worker_ports)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve.sh exited early; see {log_path}")
        if _healthy(served.url) and all(_healthy(url) for url in served.worker_urls):
            return served
        time.sleep(0.2)  # polling the health endpoints
    served.stop()
    raise RuntimeError(f"serve.sh --workers {workers} did not become healthy in {timeout:.0f} s; see {log_path}")


def rss_mb_total(pids: list[int]) -> tuple[float, float]:
    """(sum of VmRSS, sum of VmHWM) over several processes (the workers behind a proxy), in MB."""
    total = [0.0, 0.0]
    for pid in pids:
        try:
            rss, hwm = rss_mb(pid)
        except OSError:  # a worker that is being restarted
            continue
        total[0] += rss
        total[1] += hwm
    return total[0], total[1]


def rss_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB, from /proc/PID/status."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024  # kB -> MB
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


def is_local(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS


class Guard:
    """context.route handler: let localhost through, abort and record everything else."""

    def __init__(self):
        self.outside: list[str] = []

    def __call__(self, route):
        if is_local(route.request.url):
            return route.continue_()
        self.outside.append(route.request.url)
        return route.abort()


class AsyncGuard(Guard):
    async def __call__(self, route):
        if is_local(route.request.url):
            return await route.continue_()
        self.outside.append(route.request.url)
        return await route.abort()


@contextmanager
def wait_timeout(ms: int):
    """Let the tests' wait helpers (tests/browser.py) wait longer, e.g. for a 100,000-event map."""
    saved = waits.TIMEOUT
    waits.TIMEOUT = ms
    try:
        yield
    finally:
        waits.TIMEOUT = saved


@dataclass
class Stat:
    """Samples of one measure; median with min and max."""
    values: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def min(self) -> float:
        return min(self.values) if self.values else float("nan")

    @property
    def max(self) -> float:
        return max(self.values) if self.values else float("nan")

    def to_dict(self) -> dict:
        return {"values": self.values, "errors": self.errors, "median": self.median, "min": self.min,
                "max": self.max, "n": self.n}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def machine() -> dict:
    """nproc, memory, CPU model, versions: printed at the top of the report."""
    info = {"nproc": os.cpu_count()}
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        total = next(line for line in meminfo if line.startswith("MemTotal"))
        info["memory_gb"] = round(int(total.split()[1]) / 1024 / 1024, 1)
    except (OSError, StopIteration):
        info["memory_gb"] = None
    try:
        cpu = next(line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
        info["cpu"] = cpu.split(":", 1)[1].strip()
    except (OSError, StopIteration):
        info["cpu"] = "?"
    try:
        info["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                                          timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        info["chromium"] = "?"
    from importlib.metadata import version
    for name in ("streamlit", "streamlit-folium", "folium", "plotly", "pandas", "playwright"):
        try:
            info[name] = version(name)
        except Exception:  # noqa: BLE001 - a missing package is reported, not fatal
            info[name] = "?"
    info["python"] = sys.version.split()[0]
    return info


def git_state(app_dir: Path) -> str:
    """'4bde43e' or '4bde43e + uncommitted changes' for the app folder (or 'snapshot of ...')."""
    marker = app_dir / ".bench-snapshot"
    if marker.exists():
        return marker.read_text().strip()
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=app_dir, capture_output=True, text=True,
                             timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "steppe", "pages", "dashboard.py", "data",
                                "geo", "static", ".streamlit"], cwd=app_dir, capture_output=True, text=True,
                               timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
    return f"{sha}" + (" + uncommitted changes to the app" if dirty else "") if sha else "?"


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    comm = text[text.index("(") + 1:text.rindex(")")]
    return [comm] + text[text.rindex(")") + 2:].split()  # [comm, state, ppid, ...]


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, in seconds (all its threads)."""
    fields = _stat_fields(pid)
    if not fields:
        return float("nan")
    return (int(fields[12]) + int(fields[13])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds every process on the machine has used since boot (all cores; /proc/stat): the
    difference over a measure, minus this benchmark's own processes, is what others used meanwhile."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def process_tree_cpu_seconds(root: int) -> float:
    """CPU seconds of a process and every live descendant, with their reaped children (utime + stime +
    cutime + cstime): everything this benchmark started, browsers and servers included."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                parents[int(entry.name)] = int(fields[2])
    total = 0.0
    for pid in parents:
        ancestor, hops = pid, 0
        while ancestor and ancestor != root and hops < 30:
            ancestor, hops = parents.get(ancestor), hops + 1
        if ancestor == root:
            fields = _stat_fields(pid)
            if fields:
                total += sum(int(v) for v in fields[12:16]) / os.sysconf("SC_CLK_TCK")
    return total


def own_chromium_pids(root: int | None = None) -> list[int]:
    """Chromium processes started below this benchmark (not someone else's browser)."""
    root = root or os.getpid()
    parents, comms = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                comms[int(entry.name)] = fields[0]
                parents[int(entry.name)] = int(fields[2])
    pids = []
    for pid, comm in comms.items():
        if not comm.startswith("chrom"):
            continue
        ancestor, hops = parents.get(pid), 0
        while ancestor and ancestor != root and hops < 20:
            ancestor, hops = parents.get(ancestor), hops + 1
        if ancestor == root:
            pids.append(pid)
    return pids


def chromium_cpu_seconds(root: int | None = None) -> float:
    """CPU seconds of every Chromium process started below this benchmark."""
    values = [cpu_seconds(pid) for pid in own_chromium_pids(root)]
    return sum(v for v in values if v == v)  # NaN: the process ended while being read


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def renice_chromium(niceness: int = 10, root: int | None = None) -> int:
    """Lower the CPU priority of this benchmark's Chromium processes (children forked later by its zygotes
    inherit it). Used when many pupils' browsers share the cores with the server: the server should get
    the CPU it needs, as it would if each pupil had their own computer. Returns how many were changed."""
    changed = 0
    for pid in own_chromium_pids(root):
        try:
            os.setpriority(os.PRIO_PROCESS, pid, niceness)
            changed += 1
        except OSError:
            pass
    return changed
