# Shared by bench/benchmarks/*: the repository root, building what a benchmark needs, quick mode, a trap that stops
# everything the benchmark started (also on a failure, Ctrl-C or a timeout), and the one-line JSON result.
#
# Builds always run in the reactor from this checkout (`-pl MODULE -am`), never `install`: the project's own modules
# are never read from or written to ~/.m2, so a fresh clone works and other checkouts on the machine are not affected.
# A build is skipped only when its artifact is newer than every source it is made from.
#
# Every long-running child runs in a process group of its own (setsid) and is waited for with `wait`, which a trapped
# signal interrupts: the trap then stops that group, including what a JVM started and left behind (haproxy, wrk,
# nats-server), by its process group id. Services from scripts/services are stopped only when this benchmark started them.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=$(basename "$0")
BENCH_CACHE=${BENCH_CACHE:-$BENCH_ROOT/bench/.cache}
BENCH_QUICK=${BENCH_QUICK:-0}
export PATH="$PATH:/usr/sbin:/sbin"
mkdir -p "$BENCH_CACHE"
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/rp-bench-$BENCH_NAME.XXXXXX")
BENCH_CURRENT=""    # process group id of the child being waited for
BENCH_SVC_OWNED=0   # 1 when this benchmark started scripts/services (then it stops them)
BENCH_SVC_RMDIR=0   # 1 when it also created their directory
BENCH_CP=""

# One line on stderr saying what is wrong and how to fix it, then exit 3 (the trap cleans up).
bench_fail() {
  echo "bench $BENCH_NAME: $*" >&2
  exit 3
}

bench_info() { echo "bench $BENCH_NAME: $*" >&2; }

# bench_quick FULL QUICK: the value for the mode this run is in (BENCH_QUICK=1: one short repetition).
bench_quick() { if [ "$BENCH_QUICK" = 1 ]; then echo "$2"; else echo "$1"; fi; }

# bench_need_cmd COMMAND PACKAGE: fails clearly when COMMAND is not on PATH.
bench_need_cmd() {
  command -v "$1" >/dev/null 2>&1 \
    || bench_fail "needs '$1', which is not on PATH; install it (apt-get install $2), or run scripts/services start as root once, which installs it"
}

bench_group_alive() {
  ps -e -o pgid=,stat= 2>/dev/null | awk -v g="$1" '$1 == g && $2 !~ /^Z/ {found = 1} END {exit !found}'
}

# Stops every process of group $1 (TERM, then KILL after 5 s). The group is ours: its leader was started by bench_run.
bench_stop_group() {
  local g=$1
  bench_group_alive "$g" || return 0
  kill -TERM -- "-$g" 2>/dev/null || true
  for _ in $(seq 1 50); do bench_group_alive "$g" || return 0; sleep 0.1; done
  kill -KILL -- "-$g" 2>/dev/null || true
}

# bench_run OUT COMMAND...: runs COMMAND in a process group of its own, stdout to OUT, stderr passed through; returns
# its exit status. Whatever it leaves running in its group is stopped afterwards.
bench_run() {
  local out=$1 pid rc=0
  shift
  setsid -w "$@" >"$out" </dev/null &
  pid=$!
  BENCH_CURRENT=$pid
  wait "$pid" || rc=$?
  bench_stop_group "$pid"
  BENCH_CURRENT=""
  return "$rc"
}

bench_cleanup() {
  local rc=$?
  # A second Ctrl-C (or the TERM a time limit sends after it) must not cut the cleanup short.
  trap - EXIT
  trap '' INT TERM HUP
  if [ -n "$BENCH_CURRENT" ]; then bench_stop_group "$BENCH_CURRENT"; fi
  if [ "$BENCH_SVC_OWNED" = 1 ]; then
    bash "$BENCH_ROOT/scripts/services" stop >/dev/null 2>&1 || true
    if [ "$BENCH_SVC_RMDIR" = 1 ]; then rm -rf "$RP_SVC_DIR"; fi
  fi
  rm -rf "$BENCH_TMP"
  exit "$rc"
}
trap bench_cleanup EXIT
trap 'echo "bench $BENCH_NAME: interrupted; stopping what it started" >&2; exit 130' INT
trap 'echo "bench $BENCH_NAME: terminated; stopping what it started" >&2; exit 143' TERM
trap 'exit 129' HUP

# bench_stale ARTIFACT MODULE...: true when ARTIFACT is missing, BENCH_REBUILD=1, or the root pom.xml or a MODULE's
# pom.xml or src/ holds a file newer than ARTIFACT. Only sources count: tests leave files in module folders too
# (.release-pilot/ ledgers), which must not force a rebuild.
bench_stale() {
  local artifact=$1 module paths=(pom.xml)
  shift
  [ "${BENCH_REBUILD:-0}" = 1 ] && return 0
  [ -s "$artifact" ] || return 0
  for module in "$@"; do paths+=("$module/pom.xml" "$module/src"); done
  [ -n "$(cd "$BENCH_ROOT" && find "${paths[@]}" -type f -newer "$artifact" -print -quit 2>/dev/null)" ]
}

# bench_mvn WHAT ARGS...: one Maven build in the reactor of this checkout; its output goes to a log named in the
# one-line failure.
bench_mvn() {
  local what=$1 log="$BENCH_CACHE/build-$BENCH_NAME.log"
  shift
  bench_info "building $what (./mvnw $*; log: ${log#"$BENCH_ROOT"/})"
  bench_run "$log" bash -c 'cd "$1" && shift && exec ./mvnw -B -q -ntp -Dspotless.check.skip=true \
      -Denforcer.skip=true -Djacoco.skip=true "$@" 2>&1' _ "$BENCH_ROOT" "$@" \
    || bench_fail "building $what failed; see ${log#"$BENCH_ROOT"/}, fix the build, then run bench/run $BENCH_NAME again"
}

# The CLI fat jar (BENCH_JAR), built with -am like the root launcher does.
bench_cli_jar() {
  BENCH_JAR="$BENCH_ROOT/actions-runner-client/target/release-pilot.jar"
  if bench_stale "$BENCH_JAR" sample-service shared-lib actions-runner-client; then
    bench_mvn "the CLI jar" -pl actions-runner-client -am package -DskipTests -DskipITs
    # The stamp for bench_stale: a jar Maven found up to date keeps its old time.
    [ -s "$BENCH_JAR" ] && touch "$BENCH_JAR"
  fi
  [ -s "$BENCH_JAR" ] || bench_fail "the build did not produce ${BENCH_JAR#"$BENCH_ROOT"/}; run BENCH_REBUILD=1 bench/run $BENCH_NAME"
}

# BENCH_CP: shared-lib's test classes and classes, the reactor modules they need (sample-service) and every
# test-scope dependency, as Maven resolves them in the reactor.
bench_test_classpath() {
  local cpfile="$BENCH_ROOT/shared-lib/target/bench-test.classpath" entry entries
  if bench_stale "$cpfile" sample-service shared-lib; then
    rm -f "$cpfile"
    # A relative outputFile is resolved per module, so each reactor module writes its own.
    bench_mvn "shared-lib's test classes and their classpath" -pl shared-lib -am test-compile \
      dependency:build-classpath -Dmdep.outputFile=target/bench-test.classpath -Dmdep.includeScope=test
  fi
  [ -s "$cpfile" ] || bench_fail "the build did not write ${cpfile#"$BENCH_ROOT"/}; run BENCH_REBUILD=1 bench/run $BENCH_NAME"
  BENCH_CP="$BENCH_ROOT/shared-lib/target/test-classes:$BENCH_ROOT/shared-lib/target/classes:$(cat "$cpfile")"
  IFS=: read -r -a entries <<<"$BENCH_CP"
  for entry in "${entries[@]}"; do
    [ -e "$entry" ] || bench_fail "classpath entry $entry is missing; run BENCH_REBUILD=1 bench/run $BENCH_NAME"
  done
  case ":$BENCH_CP:" in
    *"/sample-service/target/classes:"*) ;;
    *) bench_fail "sample-service's classes are not on the classpath; run BENCH_REBUILD=1 bench/run $BENCH_NAME" ;;
  esac
}

# bench_java OUT MAIN ARGS...: runs a main class of shared-lib's test sources on BENCH_CP, stdout to OUT. Its temporary
# files (haproxy configs, nats stores) go to BENCH_TMP, removed on exit.
bench_java() {
  local out=$1 main=$2 rc=0
  shift 2
  [ -n "$BENCH_CP" ] || bench_test_classpath
  [ -f "$BENCH_ROOT/shared-lib/target/test-classes/${main//.//}.class" ] \
    || bench_fail "$main is not in shared-lib/target/test-classes; is the class name in bench/benchmarks/$BENCH_NAME right? (BENCH_REBUILD=1 rebuilds)"
  bench_run "$out" java -Djava.io.tmpdir="$BENCH_TMP" -cp "$BENCH_CP" "$main" "$@" || rc=$?
  [ "$rc" = 0 ] || bench_fail "${main##*.} exited with status $rc (see above); if a class is missing, run BENCH_REBUILD=1 bench/run $BENCH_NAME"
}

# Makes the endpoints of scripts/services available ($RP_SVC_DIR/env). A set already up in $RP_SVC_DIR is used and left
# running; otherwise this benchmark starts one (in a new temporary directory when RP_SVC_DIR is unset) and stops it on
# exit.
bench_services() {
  local svc="$BENCH_ROOT/scripts/services" log="$BENCH_CACHE/services-$BENCH_NAME.log" up
  if [ -n "${RP_SVC_DIR:-}" ]; then
    export RP_SVC_DIR
    if bash "$svc" status >/dev/null 2>&1; then
      bench_info "using the services up in $RP_SVC_DIR (left running)"
      return 0
    fi
    up=$(bash "$svc" status 2>/dev/null | grep -c ' up$' || true)
    if [ "$up" -gt 0 ]; then
      # Some were started by someone else: start the rest, stop none of them.
      bench_info "some services in $RP_SVC_DIR are up; starting the rest (left running)"
      bash "$svc" start >"$log" 2>&1 || bench_fail "scripts/services start failed; see $log"
      return 0
    fi
  else
    RP_SVC_DIR=$(mktemp -d /tmp/rp-bench-svc.XXXXXX)
    export RP_SVC_DIR
    BENCH_SVC_RMDIR=1
  fi
  BENCH_SVC_OWNED=1
  bench_info "starting scripts/services in $RP_SVC_DIR (stopped on exit)"
  bash "$svc" start >"$log" 2>&1 \
    || bench_fail "scripts/services start failed; see $log (RP_SVC_DIR=$RP_SVC_DIR bash scripts/services start shows why)"
}

# bench_result NAME VALUE UNIT BASELINE GOAL — prints the one-line JSON result; ratio = value / baseline.
bench_result() {
  local n
  for n in "$2" "$4"; do
    [[ $n =~ ^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$ ]] \
      || bench_fail "no number where a result was expected ('$n'); see the output above"
  done
  python3 - "$@" <<'PY'
import json, sys
name, value, unit, baseline, goal = sys.argv[1:6]
value, baseline = float(value), float(baseline)
ratio = round(value / baseline, 3) if baseline else None
print(json.dumps({"name": name, "value": round(value, 3), "unit": unit, "baseline": round(baseline, 3),
                  "ratio": ratio, "goal": goal}))
PY
}

if [ "$BENCH_QUICK" = 1 ]; then
  bench_info "quick mode: one short repetition; the figures only show that it runs"
fi
