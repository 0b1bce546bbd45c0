# Shared by the ledger benchmarks: shared-lib's test classes plus its test-scope dependencies, built once.
state_bench_classpath() {
  local cpfile="$BENCH_CACHE/shared-lib-test.classpath"
  if [ ! -s "$cpfile" ] || [ ! -d "$BENCH_ROOT/shared-lib/target/test-classes" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
    (cd "$BENCH_ROOT" && ./mvnw -B -q -ntp -pl shared-lib test-compile dependency:build-classpath \
      -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test -Dspotless.check.skip=true -Djacoco.skip=true) >&2
  fi
  echo "$BENCH_ROOT/shared-lib/target/test-classes:$BENCH_ROOT/shared-lib/target/classes:$(cat "$cpfile")"
}
