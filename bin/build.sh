# Sourced by ./pygrpc: builds the launcher's class path when it is missing or older than the
# sources. Needs PYGRPC_JAVA_HOME (bin/find-java.sh).

pygrpc_jar="$here/host/target/pygrpc-host.jar"
# BouncyCastle (GraalPy's ssl and hashlib) from lib-bc/, copies without the signature that would
# keep it out of the start-up cache (host/pom.xml says why). Oracle's own JDK builds (their
# release file says BUILD_TYPE="commercial") take a JCE provider only when signed, so they get
# the published jars.
pygrpc_bc="$here/host/target/lib-bc"
if grep -qs '^BUILD_TYPE="commercial"' "$PYGRPC_JAVA_HOME/release"; then
  pygrpc_bc="$here/host/target/lib-signed"
fi
# What a Python script needs, and the class path the start-up cache is made with; GraalJS and
# JLine (the prompt) come after it, from lib-extra/, for every other run. The JDK takes a cache
# for a class path that only adds jars at its end, and a Python script starts sooner without
# GraalJS on its class path (Truffle registers every language it finds): -0.06 +- 0.03 s in 16
# alternating cold hello-worlds.
pygrpc_python_classpath="$pygrpc_jar:$here/host/target/lib/*:$pygrpc_bc/*"
pygrpc_classpath="$pygrpc_python_classpath:$here/host/target/lib-extra/*"

pygrpc_maven_opts() {  # JDK 24+ warns about Maven's own use of sun.misc.Unsafe: keep it quiet
  local major
  major=$(pygrpc_java_major "$PYGRPC_JAVA_HOME")
  if [ "${major:-0}" -ge 24 ]; then printf '%s' "--sun-misc-unsafe-memory-access=allow"; fi
}

pygrpc_build_if_stale() {
  local stale=""
  if [ ! -f "$pygrpc_jar" ] || [ ! -d "$here/host/target/lib" ] || [ ! -d "$pygrpc_bc" ] \
      || [ ! -d "$here/host/target/lib-extra" ]; then
    stale="first run"
  elif [ -n "$(find "$here/pom.xml" "$here/host/pom.xml" "$here/python-api/pom.xml" \
          "$here/host/src/main" "$here/python-api/src/main" -newer "$pygrpc_jar" -print -quit)" ]; then
    stale="sources changed"
  fi
  [ -z "$stale" ] && return 0
  if ! command -v mvn >/dev/null 2>&1; then
    echo "pygrpc: Maven is needed to build pygrpc (apt-get install maven), then run this again." >&2
    return 1
  fi
  echo "pygrpc: building the launcher ($stale; about a minute, once)..." >&2
  local log="$here/host/target/build.log"
  mkdir -p "$here/host/target"
  if ! (cd "$here" && JAVA_HOME="$PYGRPC_JAVA_HOME" MAVEN_OPTS="$(pygrpc_maven_opts) ${MAVEN_OPTS:-}" \
        mvn -B -q -Dmaven.test.skip=true package >"$log" 2>&1); then
    echo "pygrpc: the build failed; its output is in $log:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  rm -f "$here/host/target/pygrpc.aot" "$here/host/target/pygrpc.aot.jdk"
}
