# shellcheck shell=bash
# Functions shared by the redmine-live commands: root, state directory, bundler version, running as www-data.
# Sourced by redmine-live.sh, which defines the constants and log/die/now/elapsed.

need_root() {
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null || die "this command needs root (and sudo is not installed)"
  log "re-running as root with sudo"
  exec sudo env REDMINE_LIVE_DIR="$STATE_DIR" bash "$SCRIPT_DIR/redmine-live.sh" "$@"
}

ensure_state_dir() {
  if [ ! -d "$STATE_DIR" ]; then
    mkdir -p "$STATE_DIR"
    chmod 755 "$STATE_DIR"
  fi
  mkdir -p "$STATE_DIR/home"
  chown "$RUN_AS:$RUN_AS" "$STATE_DIR/home"
}

# Upstream part of a Debian version string: 1:2.3.15-2+deb12u1 -> 2.3.15
upstream_version() { sed -e 's/^[0-9]*://' -e 's/-[^-]*$//' <<<"$1"; }

# Sets BUNDLER_VERSION to the bundler that Debian's ruby-bundler package provides (the installed version, else the
# apt candidate). ruby3.1's security updates ship a newer bundler as a default gem, which RubyGems would pick and
# which treats every Debian-packaged gem as deleted (Bundler::GemNotFound in redmine's postinst).
detect_bundler_version() {
  local version
  version="$(dpkg-query -W -f='${Status} ${Version}' ruby-bundler 2>/dev/null |
    awk '$3 == "installed" { print $4 }' || true)"
  if [ -z "$version" ]; then
    version="$(apt-cache policy ruby-bundler 2>/dev/null | awk '$1 == "Candidate:" { print $2 }' || true)"
  fi
  if [ -z "$version" ] || [ "$version" = "(none)" ]; then
    log "warning: ruby-bundler has no installed or candidate version; BUNDLER_VERSION is left unset"
    BUNDLER_VERSION=""
    return 0
  fi
  BUNDLER_VERSION="$(upstream_version "$version")"
}

# Once ruby-bundler is installed: keeps BUNDLER_VERSION only if that bundler gem really exists.
check_bundler_version() {
  [ -n "${BUNDLER_VERSION:-}" ] || return 0
  if ! ls /usr/share/rubygems-integration/*/specifications/bundler-"$BUNDLER_VERSION".gemspec >/dev/null 2>&1 &&
    ! ls /usr/lib/ruby/gems/*/specifications/bundler-"$BUNDLER_VERSION".gemspec >/dev/null 2>&1; then
    log "warning: no gemspec for bundler $BUNDLER_VERSION found; BUNDLER_VERSION is left unset"
    BUNDLER_VERSION=""
  fi
}

packages_installed() {
  local pkg status
  for pkg in "${PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || return 1
  done
}

require_installed() {
  if ! packages_installed || [ ! -f "$DATABASE_YML" ]; then
    die "Redmine is not installed; run: $SCRIPT_DIR/redmine-live.sh install"
  fi
  detect_bundler_version
  check_bundler_version
}

check_database_config() {
  grep -Eq '^\s*adapter:\s*sqlite3' "$DATABASE_YML" 2>/dev/null ||
    die "$DATABASE_YML does not use sqlite3; only an sqlite3 instance is supported"
}

# Path of the sqlite database file named in database.yml.
db_file() { sed -n 's/^\s*database:\s*//p' "$DATABASE_YML" | head -n 1 | tr -d "\"'"; }

# Replaces the current (sub)shell with a command run as www-data from the Redmine root, with a clean environment
# (Debian's ruby first on PATH). Call it inside ( ... ).
as_redmine() {
  cd "$REDMINE_ROOT" || exit 1
  exec setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups -- env -i \
    PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$STATE_DIR/home" LANG=C.UTF-8 \
    RAILS_ENV=production REDMINE_INSTANCE="$INSTANCE" ${BUNDLER_VERSION:+BUNDLER_VERSION="$BUNDLER_VERSION"} \
    "$@"
}
