#!/usr/bin/env bash
# Installs, starts, configures and stops a real Redmine 5 (Debian's `redmine` package, sqlite3, thin) on 127.0.0.1
# for the live contract tests. Debian 12 / Ubuntu; needs root (re-runs itself with sudo when started by a user).
#
# Usage: redmine-live.sh <install|start [--port N]|setup|up [--port N]|stop|status|reset-db|env>
# State (pid file, logs, env file): ${REDMINE_LIVE_DIR:-/tmp/crmkit-redmine-live}. See README.md next to this file.
set -Eeuo pipefail
trap 'printf "redmine-live: error: unexpected failure (exit %s) at line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' \
  ERR

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE_DIR="${REDMINE_LIVE_DIR:-/tmp/crmkit-redmine-live}"
readonly SCRIPT_DIR STATE_DIR
readonly REDMINE_ROOT=/usr/share/redmine
readonly INSTANCE=default
readonly DATABASE_YML="/etc/redmine/$INSTANCE/database.yml"
readonly PACKAGES=(redmine redmine-sqlite thin)
readonly DEFAULT_PORT=3000
readonly READY_TIMEOUT=60
readonly RUN_AS=www-data
readonly PID_FILE="$STATE_DIR/thin.pid"
readonly PORT_FILE="$STATE_DIR/port"
readonly LOG_FILE="$STATE_DIR/thin.log"
readonly INSTALL_LOG="$STATE_DIR/install.log"
readonly SETUP_OUT="$STATE_DIR/setup.out"
readonly ENV_FILE="$STATE_DIR/env"
readonly RAILS_LOG="/var/log/redmine/$INSTANCE/production.log"

log() { printf 'redmine-live: %s\n' "$*" >&2; }
die() { printf 'redmine-live: error: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/install.sh
. "$SCRIPT_DIR/lib/install.sh"
# shellcheck source=lib/server.sh
. "$SCRIPT_DIR/lib/server.sh"
# shellcheck source=lib/database.sh
. "$SCRIPT_DIR/lib/database.sh"

usage() {
  cat <<'EOF'
Usage: redmine-live.sh <command> [options]

  install            apt-get install redmine redmine-sqlite thin (idempotent, repairs a half-configured install)
  start [--port N]   run thin as www-data on 127.0.0.1:N (default 3000; 0 = pick a free port) and wait for GET /;
                     prints the port
  setup              enable the REST API, create API keys, user jsmith, custom field and projects; write the env file
  up [--port N]      install + start + setup; prints the env file and the total time
  stop               stop the server started by `start`
  status             print whether the server runs (exit 0 when it does, 3 when not)
  reset-db           drop and re-create the database (migrate, default data, setup); restarts a running server
  env                print the env file (REDMINE_URL, REDMINE_API_KEY, ...)

State directory: ${REDMINE_LIVE_DIR:-/tmp/crmkit-redmine-live}
EOF
}

cmd_start() {
  parse_port "$@"
  need_root start "$@"
  require_installed
  ensure_state_dir
  launch_server "$PORT_ARG"
  wait_ready
  write_env
  echo "$PORT"
}

cmd_stop() {
  need_root stop
  if stop_server; then log "stopped"; else log "not running"; fi
}

cmd_status() {
  local port
  if pid_alive; then
    port="$(current_port)"
    echo "running: pid $(cat "$PID_FILE"), http://127.0.0.1:$port (GET / -> $(http_code "$port"))"
    exit 0
  fi
  echo "stopped"
  exit 3
}

cmd_setup() {
  need_root setup
  require_installed
  ensure_state_dir
  run_setup
  write_env
  cat "$ENV_FILE"
}

cmd_env() {
  [ -f "$ENV_FILE" ] || die "no env file at $ENV_FILE; run: $SCRIPT_DIR/redmine-live.sh up"
  cat "$ENV_FILE"
}

cmd_up() {
  parse_port "$@"
  need_root up "$@"
  local t0
  t0="$(now)"
  cmd_install
  require_installed
  ensure_state_dir
  launch_server "$PORT_ARG"
  # The Rails boot of setup overlaps with thin's boot; Redmine reloads changed settings on the next request.
  if ! (run_setup); then
    stop_server || true
    die "up failed during setup"
  fi
  wait_ready
  write_env
  cat "$ENV_FILE"
  log "up: done in $(elapsed "$t0") s"
}

main() {
  [ $# -ge 1 ] || { usage >&2; exit 2; }
  local cmd="$1"
  shift
  case "$cmd" in
    install) [ $# -eq 0 ] || die "install takes no options"; cmd_install ;;
    start) cmd_start "$@" ;;
    setup) cmd_setup ;;
    up) cmd_up "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset-db) cmd_reset_db ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *) usage >&2; die "unknown command: $cmd" ;;
  esac
}

main "$@"
