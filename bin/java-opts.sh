# Sourced by ./pygrpc: the JVM options for the launcher, in the array pygrpc_java_opts.
# Short scripts start fast with, on JDK 25+, an AOT cache of the loaded classes (made once by a
# training run against the demo server; see DESIGN.md). Full tiered compilation, not C1 only:
# a loop of 100,000 unary calls runs at 5.0-6.6k calls/s with C2 against 3.5-3.9k with C1
# only (a 5,000-call loop runs 1.4 s faster with C1 only: C2's CPU on two cores is paid before
# it pays back) — as long as the cache is made C1 only: one made with C2 held profiles that had
# C2 compile them at every start (2.8 s, and 40 MB more resident).
# No profiling in HotSpot's interpreter (C1's profiled tier still feeds C2): a cold start keeps
# C1 busy, so methods wait in the interpreter long enough to start profiling there, mostly
# GraalPy's own interpreter. A hello-world: 20 alternating pairs -0.074 +- 0.050 s, as fast as
# C1 only; a 30,000-call loop 3.5-4.6k calls/s against 2.8-4.2k, streams unchanged.

# The parallel collector: a hello-world's three young collections (GraalPy's start promotes
# ~35 MB) paused it 47 ms in all, against 148 ms with the serial one, which copies them on one
# thread; 16 alternating cold runs: -0.12 +- 0.04 s, at the same resident set.
# A 32 MB young generation: the default (a share of the machine's memory) let a hello-world's
# resident set reach 313 MB; 32 MB keeps it near 255 MB at the same call throughput.
# Netty's leak detector (grpc's shaded copy) records a stack trace for one buffer in 128, a
# debugging aid that took 5% of the event loop's time in a client.map profile. Netty's JFR
# events for its allocator: the first buffer of a run registered them with JFR, ~35 ms of the
# event loop's CPU while the first call waited (PYGRPC_JAVA_OPTS can set it back to true).
pygrpc_java_opts=(-Xss4m -XX:+UseParallelGC -Xmn32m -XX:-ProfileInterpreter
  -Dio.grpc.netty.shaded.io.netty.leakDetection.level=disabled
  -Dio.grpc.netty.shaded.io.netty.jfr.enabled=false
  -Xlog:disable -Xlog:all=warning:stderr -Xlog:aot*=off)
pygrpc_major=$(pygrpc_java_major "$PYGRPC_JAVA_HOME")
if [ "${pygrpc_major:-0}" -ge 22 ]; then
  pygrpc_java_opts+=(--enable-native-access=ALL-UNNAMED)
fi
if [ "${pygrpc_major:-0}" -ge 23 ]; then
  pygrpc_java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi
if [ "${PYGRPC_JIT:-0}" = 1 ]; then
  . "$here/bin/jit.sh"
  if pygrpc_jit_setup; then
    # The optimizing runtime for the scripts too, and no start-up cache.
    pygrpc_java_opts+=("${pygrpc_jit_opts[@]}")
    pygrpc_classpath="$pygrpc_jit_classpath"
    pygrpc_python_classpath="$pygrpc_jit_classpath"
  else
    echo "pygrpc: PYGRPC_JIT=1 needs host/target/jvmci (rebuild: mvn package); running without it" >&2
  fi
fi
if [ "${pygrpc_major:-0}" -ge 25 ] && [ -z "${PYGRPC_NO_AOT:-}" ] && [ "${PYGRPC_JIT:-0}" != 1 ]; then
  pygrpc_aot="$here/host/target/pygrpc.aot"
  # The cache is tied to the JDK, the options and the class path that made it: remake it when
  # they change, when the jar was rebuilt since (a build not made through ./pygrpc), and when a
  # jar of the class path was added, removed or written since. The JVM checks each jar's name,
  # size and time, and quietly runs without the cache (a second slower) when one differs.
  pygrpc_aot_jars=("$here"/host/target/lib/*.jar "$pygrpc_bc"/*.jar)
  pygrpc_aot_stamp="$PYGRPC_JAVA_HOME ${pygrpc_java_opts[*]} ${pygrpc_aot_jars[*]##*/}"
  pygrpc_aot_fresh() {
    [ -f "$pygrpc_aot" ] && ! [ "$pygrpc_jar" -nt "$pygrpc_aot" ] \
      && ! [ "$here/bin/aot-training.py" -nt "$pygrpc_aot" ] \
      && [ "$(cat "$pygrpc_aot.jdk" 2>/dev/null)" = "$pygrpc_aot_stamp" ] \
      && [ -z "$(find "${pygrpc_aot_jars[@]}" -newer "$pygrpc_aot" -print -quit 2>/dev/null)" ]
  }
  pygrpc_aot_ready=0
  pygrpc_aot_fresh && pygrpc_aot_ready=1
  if [ "$pygrpc_aot_ready" = 0 ]; then
    # One launcher makes it, into a file of its own moved into place when complete; others
    # started meanwhile run without it (two at once each deleted the other's half-made cache).
    # A lock left by a killed launcher is taken over after ten minutes.
    pygrpc_lock="$pygrpc_aot.lock"
    if [ -n "$(find "$pygrpc_lock" -maxdepth 0 -mmin +10 2>/dev/null)" ]; then
      rmdir "$pygrpc_lock" 2>/dev/null
    fi
    if mkdir "$pygrpc_lock" 2>/dev/null; then
      echo "pygrpc: making the start-up cache (once, about 20 s)..." >&2
      rm -f "$pygrpc_aot"
      # C1 only for the training run: see the top of this file.
      if "$PYGRPC_JAVA_HOME/bin/java" "${pygrpc_java_opts[@]}" -XX:TieredStopAtLevel=1 \
          -XX:AOTCacheOutput="$pygrpc_aot.$$" \
          -cp "$pygrpc_python_classpath" io.pygrpc.launcher.Main demo --port 0 \
          "$here/bin/aot-training.py" '{port}' >/dev/null 2>"$here/host/target/aot.log" \
          && [ -f "$pygrpc_aot.$$" ]; then  # the JDK writes none if the jar changed meanwhile
        printf '%s' "$pygrpc_aot_stamp" > "$pygrpc_aot.jdk"
        mv -f "$pygrpc_aot.$$" "$pygrpc_aot"
        pygrpc_aot_ready=1
      else
        echo "pygrpc: could not make the start-up cache (see host/target/aot.log); running without it." >&2
        rm -f "$pygrpc_aot.$$"
      fi
      rmdir "$pygrpc_lock"
    fi
  fi
  # Checked once when fresh (a cat and a find); a cache another launcher finished meanwhile
  # is checked again.
  if [ "$pygrpc_aot_ready" = 1 ] || pygrpc_aot_fresh; then
    pygrpc_java_opts+=(-XX:AOTCache="$pygrpc_aot")
  fi
fi

# The first argument after the launcher's own options (-v, -I DIR): sets pygrpc_first, and
# pygrpc_first_at to its position (from 1). The wrapper's choices of class path and daemon.
pygrpc_scan_args() {
  local i=1
  while [ "$i" -le $# ]; do
    case "${!i}" in
      -v|--verbose|-I?*|--proto-path=*) ;;
      -I|--proto-path) i=$((i + 1)) ;;
      *) break ;;
    esac
    i=$((i + 1))
  done
  pygrpc_first="${!i:-}"
  pygrpc_first_at=$i
}

# The class path of a run that goes to a JVM of its own, in pygrpc_run_classpath: a Python
# script's and -c's leave lib-extra/ out (bin/build.sh says why), every other run has it all.
pygrpc_pick_classpath() {
  pygrpc_scan_args "$@"
  case "$pygrpc_first" in
    *.py|-c) pygrpc_run_classpath="$pygrpc_python_classpath" ;;
    *) pygrpc_run_classpath="$pygrpc_classpath" ;;
  esac
}
