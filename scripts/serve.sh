#!/usr/bin/env bash
# Serve Steppe Atlas with one or several Streamlit processes.
#
#   scripts/serve.sh                  one `streamlit run dashboard.py` on port 8501: the README's command
#   scripts/serve.sh --workers 2      two workers on 127.0.0.1:8601-8602, HAProxy in front on port 8501
#
# Options
#   --workers N         Streamlit processes (default 1: the plain command, no proxy)
#   --proxy             with one worker too: HAProxy in front and the supervise loop, as for N > 1
#   --port P            the port pupils open (default 8501)
#   --address A         address the proxy listens on (default: all; 127.0.0.1 for this machine only)
#   --worker-ports L    first worker port (8601: workers on 8601, 8602, ...) or a comma-separated list
#   --run-dir D         where the HAProxy config, pid files and logs go (default: a new folder in /tmp)
#   -- ARGS             passed to every `streamlit run dashboard.py`
# Environment
#   STREAMLIT           the streamlit executable (default .venv/bin/streamlit, else streamlit on PATH)
#   HAPROXY             the haproxy executable (default haproxy; installed with apt when missing)
#   STREAMLIT_SERVER_COOKIE_SECRET   shared by all workers (generated for this run when unset); Streamlit
#                       refuses it as a command-line flag, and it must be the same on every worker
#   Workers also get deploy/worker.env (production settings: no source watcher, ...) unless set already.
#
# With several workers: each runs under a supervise loop that starts it again when it dies; HAProxy
# (config from deploy/haproxy.cfg) keeps each browser on its worker with a SERVERID cookie, checks
# /_stcore/health and sends pupils of a dead worker to a live one. Ctrl-C or SIGTERM stops everything
# this script started. Pid files: RUN_DIR/w1.pid ... and RUN_DIR/haproxy.pid.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

WORKERS=1 PROXY="" PORT="" ADDRESS="" WORKER_PORTS="8601" RUN_DIR=""
EXTRA=()
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "serve.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS="${2:?}"; shift 2 ;;
    --proxy) PROXY=1; shift ;;
    --port) PORT="${2:?}"; shift 2 ;;
    --address) ADDRESS="${2:?}"; shift 2 ;;
    --worker-ports) WORKER_PORTS="${2:?}"; shift 2 ;;
    --run-dir) RUN_DIR="${2:?}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "--workers needs a positive number"
for arg in "${EXTRA[@]+"${EXTRA[@]}"}"; do
  case "$arg" in
    --server.cookieSecret*) die "set STREAMLIT_SERVER_COOKIE_SECRET instead of --server.cookieSecret" ;;
    --server.port*|--server.address*) die "$arg: use --port / --address / --worker-ports" ;;
  esac
done

STREAMLIT="${STREAMLIT:-}"
if [ -z "$STREAMLIT" ]; then
  if [ -x .venv/bin/streamlit ]; then STREAMLIT=.venv/bin/streamlit; else STREAMLIT=streamlit; fi
fi

# ---- one worker: exactly the README's command (plus the port and address when given)
if [ "$WORKERS" -eq 1 ] && [ -z "$PROXY" ]; then
  args=()
  [ -n "$PORT" ] && args+=(--server.port "$PORT")
  [ -n "$ADDRESS" ] && args+=(--server.address "$ADDRESS")
  exec "$STREAMLIT" run dashboard.py "${args[@]+"${args[@]}"}" "${EXTRA[@]+"${EXTRA[@]}"}"
fi

# ---- several workers (or one, with --proxy) behind HAProxy
PORT="${PORT:-8501}"
if [[ "$WORKER_PORTS" == *,* ]]; then
  IFS=, read -r -a PORTS <<<"$WORKER_PORTS"
  [ "${#PORTS[@]}" -eq "$WORKERS" ] || die "--worker-ports lists ${#PORTS[@]} ports for $WORKERS workers"
else
  PORTS=(); for ((i = 0; i < WORKERS; i++)); do PORTS+=($((WORKER_PORTS + i))); done
fi

HAPROXY="${HAPROXY:-haproxy}"
if ! command -v "$HAPROXY" >/dev/null; then
  if [ -x /usr/sbin/haproxy ]; then  # a user's PATH may lack /usr/sbin
    HAPROXY=/usr/sbin/haproxy
  else
    echo "serve.sh: installing Debian's haproxy with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq haproxy >/dev/null
    HAPROXY=/usr/sbin/haproxy
  fi
fi

# Production settings for the workers (deploy/worker.env); a variable set in the environment wins.
while IFS= read -r line || [ -n "$line" ]; do
  [[ "$line" =~ ^([A-Z][A-Z0-9_]*)=(.*)$ ]] || continue
  [ -n "${!BASH_REMATCH[1]+set}" ] || export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
done <deploy/worker.env

if [ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]; then
  STREAMLIT_SERVER_COOKIE_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
fi
export STREAMLIT_SERVER_COOKIE_SECRET

if [ -n "$RUN_DIR" ]; then mkdir -p "$RUN_DIR"; else RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/steppe-serve.XXXXXX")"; fi
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
rm -f "$RUN_DIR"/stopping "$RUN_DIR"/*.pid

# The config: the template with its @...@ fields filled, one server line per worker.
SERVERS=""
for ((i = 0; i < WORKERS; i++)); do
  SERVERS+="    server w$((i + 1)) 127.0.0.1:${PORTS[i]} cookie w$((i + 1))"$'\n'
done
BIND="${ADDRESS:-*}:$PORT"
[[ "$ADDRESS" == *:* ]] && BIND="[$ADDRESS]:$PORT"   # an IPv6 address
CFG="$RUN_DIR/haproxy.cfg"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    @SERVERS@) printf '%s' "$SERVERS" ;;
    *) line="${line//@BIND@/$BIND}"; printf '%s\n' "${line//@RUN_DIR@/$RUN_DIR}" ;;
  esac
done <deploy/haproxy.cfg >"$CFG"
"$HAPROXY" -c -q -f "$CFG" || die "HAProxy rejects $CFG"

set -m  # every job below gets its own process group: stopping a group stops a worker and all it started
GROUPS_STARTED=()
stop_all() {
  trap - INT TERM EXIT
  set +m  # no job-status lines for the groups stopped here
  touch "$RUN_DIR/stopping"
  local pg deadline=$((SECONDS + 15)) alive
  for pg in "${GROUPS_STARTED[@]+"${GROUPS_STARTED[@]}"}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done
  while :; do  # poll until every group is gone; after 15 s, kill what is left
    alive=0
    for pg in "${GROUPS_STARTED[@]+"${GROUPS_STARTED[@]}"}"; do kill -0 -- "-$pg" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for pg in "${GROUPS_STARTED[@]}"; do kill -KILL -- "-$pg" 2>/dev/null || true; done
      break
    fi
    sleep 0.1
  done
  rm -f "$RUN_DIR"/*.pid
  echo "serve.sh: stopped" >&2
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# A worker under its supervise loop. The loop and its `streamlit run` share one process group.
supervise() {
  local name=$1 port=$2 pid rc started
  set +m
  while [ ! -e "$RUN_DIR/stopping" ]; do
    started=$SECONDS
    "$STREAMLIT" run dashboard.py --server.port "$port" --server.address 127.0.0.1 --server.headless true \
      "${EXTRA[@]+"${EXTRA[@]}"}" >>"$RUN_DIR/$name.log" 2>&1 &
    pid=$!
    echo "$pid" >"$RUN_DIR/$name.pid"
    rc=0; wait "$pid" || rc=$?
    [ -e "$RUN_DIR/stopping" ] && break
    echo "serve.sh: worker $name (pid $pid, port $port) exited with status $rc; starting it again" >&2
    # A worker that dies within seconds of starting (a broken app) is not restarted in a tight loop.
    if [ $((SECONDS - started)) -lt 5 ]; then sleep 5; fi
  done
}

healthy() {  # GET /_stcore/health on 127.0.0.1:PORT answers 200 (bash's /dev/tcp: no curl needed)
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
    printf "GET /_stcore/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200"' _ "$1" \
    2>/dev/null
}

for ((i = 0; i < WORKERS; i++)); do
  supervise "w$((i + 1))" "${PORTS[i]}" &
  GROUPS_STARTED+=("$!")
done
echo "serve.sh: $WORKERS workers on 127.0.0.1 ports ${PORTS[*]}; run folder $RUN_DIR" >&2

# Wait (poll, at most 120 s) until every worker answers, so that the first pupils are not sent to a
# worker still importing; HAProxy's own health checks take over from there.
deadline=$((SECONDS + 120))
for port in "${PORTS[@]}"; do
  until healthy "$port"; do
    [ "$SECONDS" -ge "$deadline" ] && { echo "serve.sh: worker on port $port is not healthy yet; going on" >&2; break; }
    sleep 0.2
  done
done

"$HAPROXY" -db -q -f "$CFG" >>"$RUN_DIR/haproxy.log" 2>&1 &
HAPROXY_PID=$!
GROUPS_STARTED+=("$HAPROXY_PID")
echo "$HAPROXY_PID" >"$RUN_DIR/haproxy.pid"
echo "serve.sh: HAProxy on ${ADDRESS:-all addresses}, port $PORT: open http://${ADDRESS:-localhost}:$PORT" >&2

rc=0; wait "$HAPROXY_PID" || rc=$?
echo "serve.sh: HAProxy exited with status $rc" >&2
stop_all
exit 1
