# shellcheck shell=bash
# thin as www-data on 127.0.0.1: launch in the background, wait until GET / answers 200, stop.
# Sourced by redmine-live.sh, which defines the constants and log/die/now/elapsed.

# True when the pid file names a live thin process.
pid_alive() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && grep -qa thin "/proc/$pid/cmdline" 2>/dev/null
}

current_port() { if [ -f "$PORT_FILE" ]; then cat "$PORT_FILE"; else echo "$DEFAULT_PORT"; fi; }

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$1/" 2>/dev/null || true; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { ruby -rsocket -e 's = TCPServer.new("127.0.0.1", 0); puts s.addr[1]; s.close'; }

show_log_tail() {
  log "last lines of $LOG_FILE:"
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  if [ -f "$RAILS_LOG" ]; then
    log "last lines of $RAILS_LOG:"
    tail -n 20 "$RAILS_LOG" >&2 || true
  fi
}

# Sets PORT_ARG from `--port N` / `--port=N` (default 3000; 0 = any free port).
parse_port() {
  PORT_ARG="$DEFAULT_PORT"
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) [ $# -ge 2 ] || die "--port needs a value"; PORT_ARG="$2"; shift 2 ;;
      --port=*) PORT_ARG="${1#--port=}"; shift ;;
      *) die "unknown option: $1" ;;
    esac
  done
  if ! [[ "$PORT_ARG" =~ ^[0-9]+$ ]] || [ "$PORT_ARG" -gt 65535 ]; then die "invalid port: $PORT_ARG"; fi
}

# Starts thin in the background in its own session (so stop can signal the whole group) and sets PORT.
# Does nothing but set PORT when it already runs.
launch_server() {
  local requested="$1"
  if pid_alive; then
    PORT="$(current_port)"
    if [ "$requested" != 0 ] && [ "$requested" != "$PORT" ]; then
      die "already running on port $PORT (pid $(cat "$PID_FILE")); stop it first to use port $requested"
    fi
    log "already running on port $PORT (pid $(cat "$PID_FILE"))"
    return 0
  fi
  if [ "$requested" = 0 ]; then
    PORT="$(free_port)" || die "could not find a free port"
  else
    PORT="$requested"
    ! port_in_use "$PORT" || die "port $PORT on 127.0.0.1 is already in use"
  fi
  : >"$LOG_FILE"
  (as_redmine setsid bundle exec thin start -R config.ru -a 127.0.0.1 -p "$PORT" -e production) \
    </dev/null >>"$LOG_FILE" 2>&1 &
  echo "$!" >"$PID_FILE"
  echo "$PORT" >"$PORT_FILE"
  log "starting thin on 127.0.0.1:$PORT (pid $!, log $LOG_FILE)"
}

# Polls GET / until it answers 200; on failure shows the log tail, stops the server and exits.
wait_ready() {
  local t0 code=""
  t0="$(now)"
  while awk -v a="$t0" -v b="$(now)" -v t="$READY_TIMEOUT" 'BEGIN { exit !(b - a < t) }'; do
    if ! pid_alive; then
      show_log_tail
      rm -f "$PID_FILE"
      die "thin exited before answering on port $PORT"
    fi
    code="$(http_code "$PORT")"
    if [ "$code" = 200 ]; then
      log "ready: GET http://127.0.0.1:$PORT/ -> 200 after $(elapsed "$t0") s"
      return 0
    fi
    sleep 0.25
  done
  show_log_tail
  stop_server || true
  die "GET http://127.0.0.1:$PORT/ did not answer 200 within $READY_TIMEOUT s (last status: ${code:-none})"
}

# Stops the thin named by the pid file (SIGTERM to its process group, SIGKILL after 15 s). False when not running.
stop_server() {
  local pid _
  if ! pid_alive; then
    rm -f "$PID_FILE"
    return 1
  fi
  pid="$(cat "$PID_FILE")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    [ -d "/proc/$pid" ] || break
    sleep 0.25
  done
  if [ -d "/proc/$pid" ]; then
    log "thin did not stop within 15 s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}
