# Sourced by bin/java-opts.sh and bin/bench: PYGRPC_JIT=1 runs scripts with Truffle's optimizing
# compiler (JVMCI) on a stock JDK — the compiler jar from host/target/jvmci plus truffle-compiler,
# word, collections and nativeimage on --upgrade-module-path, and so off the class path. It pays
# off for long runs only (a Python loop of unary calls: ~2.8k calls/s interpreted, ~3.5–3.8k
# once compiled after ~30 s) and costs the start-up cache, so it is opt-in.
# Sets pygrpc_jit_opts (array) and pygrpc_jit_classpath, or returns 1 when the jars are missing.

pygrpc_jit_setup() {
  local lib="$here/host/target/lib" compiler modules jar name
  compiler=$(ls "$here"/host/target/jvmci/compiler-*.jar 2>/dev/null | head -n 1)
  [ -n "$compiler" ] || return 1
  modules="$compiler"
  pygrpc_jit_classpath="$pygrpc_jar"
  for jar in "$lib"/*.jar "$pygrpc_bc"/*.jar "$here"/host/target/lib-extra/*.jar; do
    name=$(basename "$jar")
    case "$name" in
      truffle-compiler-*|word-*|collections-*|nativeimage-*) modules="$modules:$jar" ;;
      *) pygrpc_jit_classpath="$pygrpc_jit_classpath:$jar" ;;
    esac
  done
  pygrpc_jit_opts=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI
    --upgrade-module-path="$modules")
}
