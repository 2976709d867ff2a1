# shellcheck shell=bash
# Database side: the setup.rb run (one Rails boot), the env file, and reset-db.
# Sourced by redmine-live.sh, which defines the constants and log/die/now/elapsed.

# Runs setup.rb with `rails runner` as www-data. The file is fed on stdin, so www-data needs no access to this
# checkout. Its `SETUP KEY=value` lines are kept in $SETUP_OUT.
run_setup() {
  local t0 out
  t0="$(now)"
  log "setup: rails runner (REST API, API keys, jsmith, custom field, projects)"
  # shellcheck disable=SC2016 # Ruby code, not shell
  if ! out="$( (as_redmine bundle exec ruby bin/rails runner -e production \
    'eval($stdin.read, TOPLEVEL_BINDING, "setup.rb")') <"$SCRIPT_DIR/setup.rb" 2>"$STATE_DIR/setup.log")"; then
    tail -n 30 "$STATE_DIR/setup.log" >&2
    die "setup failed (log: $STATE_DIR/setup.log)"
  fi
  { grep '^SETUP ' <<<"$out" || true; } | sed 's/^SETUP //' >"$SETUP_OUT.tmp"
  grep -q '^REDMINE_API_KEY=.' "$SETUP_OUT.tmp" || die "setup printed no API key (output: $out)"
  mv "$SETUP_OUT.tmp" "$SETUP_OUT"
  log "setup done in $(elapsed "$t0") s"
}

# Writes $ENV_FILE (REDMINE_URL from the current port, then the setup results). Nothing before the first setup.
write_env() {
  [ -f "$SETUP_OUT" ] || return 0
  {
    echo "REDMINE_URL=http://127.0.0.1:$(current_port)"
    cat "$SETUP_OUT"
  } >"$ENV_FILE.tmp"
  chmod 644 "$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

cmd_reset_db() {
  need_root reset-db
  require_installed
  check_database_config
  ensure_state_dir
  local t0 was_running="" port="" db reset_log="$STATE_DIR/reset-db.log"
  t0="$(now)"
  if pid_alive; then
    was_running=1
    port="$(current_port)"
    stop_server || true
  fi
  log "reset-db: drop, create, migrate"
  (as_redmine bundle exec rake db:drop db:create db:migrate redmine:plugins:migrate \
    DISABLE_DATABASE_ENVIRONMENT_CHECK=1 SCHEMA=/dev/null) >"$reset_log" 2>&1 ||
    { tail -n 30 "$reset_log" >&2; die "database reset failed (log: $reset_log)"; }
  # A second process: in the same one the models keep the column information of the dropped schema.
  # redmine:load_default_data exits 0 even when it fails, so its success line is checked.
  log "reset-db: default data (en)"
  (as_redmine bundle exec rake redmine:load_default_data REDMINE_LANG=en) >>"$reset_log" 2>&1 || true
  grep -q '^Default configuration data loaded' "$reset_log" ||
    { tail -n 30 "$reset_log" >&2; die "loading the default data failed (log: $reset_log)"; }
  # Same owner and mode as dbconfig-common gives the file (rake re-creates it as www-data).
  db="$(db_file)"
  if [ -n "$db" ] && [ -f "$db" ]; then chown root:"$RUN_AS" "$db" && chmod 660 "$db"; fi
  [ -z "$was_running" ] || launch_server "$port"
  if ! (run_setup); then
    [ -z "$was_running" ] || stop_server || true
    die "reset-db failed during setup"
  fi
  [ -z "$was_running" ] || wait_ready
  write_env
  log "reset-db: done in $(elapsed "$t0") s"
}
