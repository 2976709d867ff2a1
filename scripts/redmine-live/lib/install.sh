# shellcheck shell=bash
# `install`: the Debian packages redmine, redmine-sqlite and thin, with the workarounds described in README.md.
# Sourced by redmine-live.sh, which defines the constants and log/die/now/elapsed.

preseed_debconf() {
  local out
  if ! out="$(debconf-set-selections 2>&1 <<EOF
redmine redmine/instances/$INSTANCE/dbconfig-install boolean true
redmine redmine/instances/$INSTANCE/database-type select sqlite3
redmine redmine/instances/$INSTANCE/default-language select en
EOF
  )" || [ -n "$out" ]; then
    # After a purge debconf may keep stale templates and refuse these lines; the package defaults are the same.
    log "note: debconf refused the preseed (the defaults are used instead): ${out//$'\n'/ }"
  fi
}

# After `apt-get purge redmine`, ucf still lists database.yml as a known config file; the next install then logs
# "Not replacing deleted config file" and the postinst fails because the file is missing. Forget the stale entry.
forget_deleted_database_yml() {
  [ ! -f "$DATABASE_YML" ] && [ -f /var/lib/ucf/hashfile ] && grep -q " $DATABASE_YML\$" /var/lib/ucf/hashfile ||
    return 0
  log "note: ucf remembers a deleted $DATABASE_YML (left by a purge); forgetting it so that it is generated again"
  ucf --purge "$DATABASE_YML"
}

# Finishes packages left unpacked or half-configured (for example by an install without BUNDLER_VERSION).
repair_dpkg() {
  [ -n "$(dpkg --audit 2>/dev/null)" ] || return 0
  forget_deleted_database_yml
  log "dpkg reports unfinished packages; running dpkg --configure -a"
  env DEBIAN_FRONTEND=noninteractive ${BUNDLER_VERSION:+BUNDLER_VERSION="$BUNDLER_VERSION"} \
    dpkg --force-confdef --force-confold --configure -a >>"$INSTALL_LOG" 2>&1 ||
    { tail -n 30 "$INSTALL_LOG" >&2; die "dpkg --configure -a failed (log: $INSTALL_LOG)"; }
}

cmd_install() {
  need_root install
  command -v apt-get >/dev/null || die "apt-get not found; Debian or Ubuntu is needed"
  ensure_state_dir
  local t0 list
  t0="$(now)"
  detect_bundler_version
  repair_dpkg
  if packages_installed && [ -f "$DATABASE_YML" ] && command -v curl >/dev/null; then
    check_database_config
    log "already installed (redmine $(dpkg-query -W -f='${Version}' redmine)); nothing to do ($(elapsed "$t0") s)"
    return 0
  fi
  log "apt-get update"
  apt-get update -q >"$INSTALL_LOG" 2>&1 || log "warning: apt-get update failed; using the current package lists"
  detect_bundler_version
  list=("${PACKAGES[@]}")
  # Only when missing: naming curl would upgrade an installed curl and libcurl.
  command -v curl >/dev/null || list+=(curl)
  preseed_debconf
  forget_deleted_database_yml
  log "installing ${list[*]} (BUNDLER_VERSION=${BUNDLER_VERSION:-unset}); log: $INSTALL_LOG"
  if ! env DEBIAN_FRONTEND=noninteractive ${BUNDLER_VERSION:+BUNDLER_VERSION="$BUNDLER_VERSION"} \
    apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${list[@]}" >>"$INSTALL_LOG" 2>&1; then
    tail -n 30 "$INSTALL_LOG" >&2
    log "apt-get install failed; trying to finish the configuration"
    repair_dpkg
  fi
  packages_installed || die "the packages are not fully installed (log: $INSTALL_LOG)"
  [ -f "$DATABASE_YML" ] || die "$DATABASE_YML is missing: the database was not configured (log: $INSTALL_LOG)"
  check_database_config
  log "installed redmine $(dpkg-query -W -f='${Version}' redmine) in $(elapsed "$t0") s"
}
