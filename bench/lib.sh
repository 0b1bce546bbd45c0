# Shared by bench/benchmarks/*: the repository root, the CLI jar, and the one-line JSON result.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_CACHE=${BENCH_CACHE:-$BENCH_ROOT/bench/.cache}
mkdir -p "$BENCH_CACHE"

# Builds the CLI jar and the shared-lib test classes once (benchmarks reuse them).
bench_build() {
  if [ ! -f "$BENCH_ROOT/actions-runner-client/target/release-pilot.jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
    (cd "$BENCH_ROOT" && ./mvnw -B -q -ntp -DskipTests -DskipITs -Dspotless.check.skip=true -Denforcer.skip=true -Djacoco.skip=true install) >&2
  fi
}

# bench_result NAME VALUE UNIT BASELINE GOAL — ratio = value / baseline.
bench_result() {
  python3 - "$@" <<'PY'
import json, sys
name, value, unit, baseline, goal = sys.argv[1:6]
value, baseline = float(value), float(baseline)
ratio = round(value / baseline, 3) if baseline else None
print(json.dumps({"name": name, "value": round(value, 3), "unit": unit, "baseline": round(baseline, 3),
                  "ratio": ratio, "goal": goal}))
PY
}
