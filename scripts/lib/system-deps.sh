# Installs the system packages the test suite uses when they are missing (Debian, as root), and
# finds or starts a PostgreSQL server. Sourced by scripts/test-all.sh.

apt_updated=0
apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "note: not root; cannot install $* (tests that need them are skipped)" >&2
    return 0
  fi
  if [ "$apt_updated" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_debian_packages() {
  local missing=()
  command -v hledger >/dev/null || missing+=(hledger)
  command -v ledger >/dev/null || missing+=(ledger)
  # The browser tests drive Debian's Chromium (never a downloaded browser).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    apt_install "${missing[@]}" || echo "note: could not install ${missing[*]}" >&2
  fi
}

pg_answers() {
  node -e '
    const net = require("node:net");
    const s = net.connect({ host: "127.0.0.1", port: Number(process.argv[1]) });
    s.on("connect", () => { s.end(); process.exit(0); });
    s.on("error", () => process.exit(1));
    setTimeout(() => process.exit(1), 2000);
  ' "$1"
}

ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return 0; fi
  if pg_answers 5432; then
    TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    return 0
  fi
  echo "== no PostgreSQL on 127.0.0.1:5432: starting a throwaway server"
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ]; then
    apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  local dir
  dir=$(mktemp -d /tmp/closebook-pg.XXXXXX)
  chown postgres "$dir" 2>/dev/null || true
  local as=()
  if [ "$(id -u)" = "0" ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p 55432 -c listen_addresses=127.0.0.1 -k $dir" -l "$dir/log" -w start >/dev/null
  trap '"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true' EXIT
  TEST_DATABASE_URL="postgres://postgres@127.0.0.1:55432/postgres"
}
