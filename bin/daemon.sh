# Sourced by ./pygrpc: the warm mode (PYGRPC_DAEMON=1). Scripts then run in a JVM kept warm per
# user and build (io.pygrpc.launcher.DaemonServer, started on first use, gone after an idle
# hour), reached through a small client JVM over a private unix socket: a repeated run costs a
# fresh context on a warm engine instead of a JVM and GraalPy start. Only script runs
# (SCRIPT.py|.js|.mjs ARGS, -c CODE) go there; the prompt and subcommands run as usual.
# `./pygrpc --stop-daemon` stops it.

pygrpc_run_warm() {
  [ "${PYGRPC_DAEMON:-0}" = 1 ] || [ "${1:-}" = --stop-daemon ] || return 0
  case "${1:-}" in
    *.py|*.js|*.mjs|*.cjs) [ -f "$1" ] || return 0 ;;
    -c|--stop-daemon) ;;
    *) return 0 ;;
  esac
  local cache="${PYGRPC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pygrpc}"
  local stamp jdk
  stamp=$(stat -c '%s-%Y' "$pygrpc_jar")
  jdk=$(printf '%s' "$PYGRPC_JAVA_HOME" | cksum | cut -d' ' -f1)
  local socket="$cache/daemon/$stamp-$jdk.sock"
  if [ "${1:-}" = --stop-daemon ] && [ ! -S "$socket" ]; then
    echo "pygrpc: no warm daemon is running for this build" >&2
    exit 0
  fi
  # The daemon's command, words separated by the unit separator (paths may hold spaces).
  local command
  command=$(printf '%s\037' "$PYGRPC_JAVA_HOME/bin/java" "${pygrpc_java_opts[@]}" \
    -cp "$pygrpc_classpath" io.pygrpc.launcher.DaemonServer)
  PYGRPC_DAEMON_COMMAND="${command%$'\037'}" exec "$PYGRPC_JAVA_HOME/bin/java" \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -Xlog:disable \
    -Xlog:all=warning:stderr -cp "$pygrpc_jar" io.pygrpc.launcher.DaemonClient "$socket" "$@"
}
