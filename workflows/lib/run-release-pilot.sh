#!/usr/bin/env bash
# Shared by every Release Pilot composite action: picks the JVM, finds the jar (the action's own copy, or jar-url
# checked against jar-sha256) and runs `java -jar release-pilot.jar COMMAND`. Inputs travel as RP_INPUTS JSON in the
# environment, never interpolated into this script, so no input can inject shell code.
#
# Environment (set by action.yml):
#   RP_ACTION_PATH  the action's folder (${{ github.action_path }}); holds release-pilot.jar at release tags
#   RP_JAVA_HOME    input java-home (optional)
#   RP_JAVA_OPTS    input java-opts (optional, split on spaces)
#   RP_JAR_URL      input jar-url (optional; needs RP_JAR_SHA256)
#   RP_JAR_SHA256   input jar-sha256
#   RP_INPUTS       ${{ toJSON(inputs) }}, read by the jar
#   RP_INPUT_DATABASE_URL, RP_INPUT_DATABASE_USER, RP_INPUT_DATABASE_PASSWORD
#                   inputs database-url/-user/-password (from secrets): masked first, then exported as
#                   RP_DATABASE_URL/_USER/_PASSWORD when set, so an RP_DATABASE_* in the job's env still applies
#                   when the inputs are left empty
# Exit codes: the jar's (0 ok, 1 gate failed/rolled back, 2 bad input, 3 infrastructure); 2 for a bad setup here,
# 3 when the jar cannot be downloaded.
set -euo pipefail

# Masks a secret before anything else is printed, line by line, escaped like @actions/core (% and CR).
mask() {
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ -n "${line//[[:space:]]/}" ]] || continue
    line="${line//%/%25}"
    printf '::add-mask::%s\n' "$line"
  done <<<"$1"
}

# 0. The ledger database from the inputs (secrets): masked first (a JDBC URL may carry credentials too).
if [[ -n "${RP_INPUT_DATABASE_PASSWORD:-}" ]]; then
  mask "$RP_INPUT_DATABASE_PASSWORD"
  export RP_DATABASE_PASSWORD="$RP_INPUT_DATABASE_PASSWORD"
fi
if [[ -n "${RP_INPUT_DATABASE_URL:-}" ]]; then
  mask "$RP_INPUT_DATABASE_URL"
  export RP_DATABASE_URL="$RP_INPUT_DATABASE_URL"
fi
if [[ -n "${RP_INPUT_DATABASE_USER:-}" ]]; then
  export RP_DATABASE_USER="$RP_INPUT_DATABASE_USER"
fi
unset RP_INPUT_DATABASE_URL RP_INPUT_DATABASE_USER RP_INPUT_DATABASE_PASSWORD

fail() {
  local code="$1"
  shift
  echo "::error title=Release Pilot::$*"
  exit "$code"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    openssl dgst -sha256 -r "$1" | cut -d' ' -f1
  fi
}

download() {
  if command -v curl >/dev/null 2>&1; then
    curl --fail --silent --show-error --location --retry 3 --connect-timeout 10 --max-time 300 \
      --output "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget --quiet --tries=3 --timeout=60 --output-document="$2" "$1"
  else
    return 127
  fi
}

[[ $# -ge 1 ]] || fail 2 "usage: run-release-pilot.sh COMMAND [ARGS...]"
command_name="$1"
shift

# 1. Java: input java-home, else the hosted runners' JDK 17, else java on PATH.
if [[ -n "${RP_JAVA_HOME:-}" ]]; then
  java_bin="$RP_JAVA_HOME/bin/java"
  [[ -x "$java_bin" ]] || fail 2 "java-home '$RP_JAVA_HOME' has no executable bin/java"
elif [[ -n "${JAVA_HOME_17_X64:-}" && -x "${JAVA_HOME_17_X64}/bin/java" ]]; then
  java_bin="$JAVA_HOME_17_X64/bin/java"
elif command -v java >/dev/null 2>&1; then
  java_bin="$(command -v java)"
else
  fail 2 "no Java found: set input java-home, or run actions/setup-java (Java 17 or newer) before this step"
fi

# 2. The jar: downloaded only with a checksum, else the copy committed in the action folder at the release tag.
action_path="${RP_ACTION_PATH:-}"
[[ -n "$action_path" ]] || fail 2 "RP_ACTION_PATH is not set; it must be \${{ github.action_path }}"
if [[ -n "${RP_JAR_URL:-}" ]]; then
  expected="$(printf '%s' "${RP_JAR_SHA256:-}" | tr 'A-F' 'a-f')"
  [[ -n "$expected" ]] || fail 2 "jar-url is set but jar-sha256 is not: refusing to run a jar whose checksum is unknown"
  [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail 2 "jar-sha256 must be 64 hexadecimal characters"
  cache_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/release-pilot"
  mkdir -p "$cache_dir"
  jar="$cache_dir/release-pilot-$expected.jar"
  if [[ ! -f "$jar" || "$(sha256_of "$jar")" != "$expected" ]]; then
    partial="$jar.part.$$"
    rm -f "$partial"
    echo "::group::Download release-pilot.jar"
    echo "from $RP_JAR_URL"
    if ! download "$RP_JAR_URL" "$partial"; then
      rm -f "$partial"
      echo "::endgroup::"
      fail 3 "cannot download jar-url $RP_JAR_URL (curl or wget failed)"
    fi
    actual="$(sha256_of "$partial")"
    echo "::endgroup::"
    if [[ "$actual" != "$expected" ]]; then
      rm -f "$partial"
      fail 2 "checksum mismatch for jar-url $RP_JAR_URL: expected sha256 $expected, got $actual"
    fi
    mv -f "$partial" "$jar"
  fi
else
  jar="$action_path/release-pilot.jar"
  [[ -f "$jar" ]] || fail 2 "no release-pilot.jar in $action_path: use the action at a release tag (e.g. @v1), or set jar-url and jar-sha256"
fi

# 3. Run. exec keeps the jar's exit code and lets the runner signal the JVM directly on cancellation.
java_opts=()
if [[ -n "${RP_JAVA_OPTS:-}" ]]; then
  read -r -a java_opts <<<"$RP_JAVA_OPTS"
fi
echo "::debug::release-pilot $command_name with $java_bin and $jar"
exec "$java_bin" ${java_opts[@]+"${java_opts[@]}"} -jar "$jar" "$command_name" "$@"
