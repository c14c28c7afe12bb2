# Sourced by ./pygrpc: the warm mode. Scripts run in a JVM kept warm per user, build and JVM
# options (io.pygrpc.launcher.DaemonServer, gone after half an hour without a run), reached
# through a small client JVM over a private unix socket: a repeated run costs a fresh context on
# a warm engine instead of a JVM and GraalPy start. Script runs ([-v] [-I DIR]
# SCRIPT.py|.js|.mjs ARGS, -c CODE) and the one-shot call, list and describe go there; the
# prompt and the demo server run as usual.
#   PYGRPC_DAEMON unset: a run goes to the daemon when one is up; when none is, the run goes
#     cold, as without a daemon, and the launcher starts one after it, for the next runs.
#   PYGRPC_DAEMON=1: a run with no daemon up starts one and waits for it (a slower first run).
#   PYGRPC_DAEMON=0: never. `./pygrpc --stop-daemon` stops it.

pygrpc_run_warm() {
  local mode="${PYGRPC_DAEMON:-auto}"
  # The launcher's options before the script (-v, -I DIR) go to the daemon with the rest.
  pygrpc_scan_args "$@"
  local i="$pygrpc_first_at" first="$pygrpc_first"
  case "$first" in
    --stop-daemon) [ "$i" = 1 ] || return 0 ;;
    *.py|*.js|*.mjs|*.cjs) [ "$mode" != 0 ] && [ -f "$first" ] || return 0 ;;
    -c) [ "$mode" != 0 ] || return 0 ;;
    # The one-shot subcommands: as short as a script run, and a JVM's start is most of them.
    call|list|describe) [ "$mode" != 0 ] && [ "$i" = 1 ] || return 0 ;;
    *) return 0 ;;
  esac
  local cache="${PYGRPC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pygrpc}"
  # The daemon's command, words separated by the unit separator (paths may hold spaces). A
  # daemon runs with the options it was started with, so the options pick the daemon: its
  # socket is named after the jar and a checksum of the whole command.
  # The start-up cache's classes, not its replay of the training run's compilations: those
  # pin the methods they hold at C1 (see bin/java-opts.sh), right for a short run, not for a
  # JVM that runs scripts for half an hour. Without the replay C2 compiles them as the daemon
  # warms up: a warm hello-world settled at 0.23-0.30 s a run, against 0.30-0.38 s with it.
  local command key opts=() opt
  for opt in "${pygrpc_java_opts[@]}"; do
    case "$opt" in
      -XX:AOTCache=*) opts+=(-XX:+UnlockDiagnosticVMOptions "$opt" -XX:-AOTReplayTraining) ;;
      *) opts+=("$opt") ;;
    esac
  done
  # shellcheck disable=SC2086 # PYGRPC_JAVA_OPTS is split into words, as on the launcher's line
  command=$(printf '%s\037' "$PYGRPC_JAVA_HOME/bin/java" "${opts[@]}" \
    ${PYGRPC_JAVA_OPTS:-} -cp "$pygrpc_classpath" io.pygrpc.launcher.DaemonServer)
  command="${command%$'\037'}"
  key=$(printf '%s' "$command" | cksum | cut -d' ' -f1)
  local socket="$cache/daemon/$(stat -c '%s-%Y' "$pygrpc_jar")-$key.sock"
  if [ "${1:-}" = --stop-daemon ] && ! pygrpc_daemon_up "$socket"; then
    rm -f "$socket" "$socket.pid"
    echo "pygrpc: no warm daemon is running for this build and these JVM options" >&2
    exit 0
  fi
  if [ "$mode" != 1 ] && [ "${1:-}" != --stop-daemon ] && ! pygrpc_daemon_up "$socket"; then
    # This run goes cold; the launcher starts the daemon when the run is done. System
    # properties, not the environment: scripts see the user's environment only.
    pygrpc_java_opts+=("-Dpygrpc.daemon.socket=$socket" "-Dpygrpc.daemon.command=$command")
    return 0
  fi
  PYGRPC_DAEMON_COMMAND="$command" exec "$PYGRPC_JAVA_HOME/bin/java" \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -Xlog:disable \
    -Xlog:all=warning:stderr -cp "$pygrpc_jar" io.pygrpc.launcher.DaemonClient "$socket" "$@"
}

# Whether a daemon is serving on the socket: the file alone outlives a killed daemon and a
# reboot, so the pid it wrote must be alive too.
pygrpc_daemon_up() {
  local pid
  [ -S "$1" ] && pid=$(cat "$1.pid" 2>/dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
