# Sourced by ./pygrpc and .ci/run: sets PYGRPC_JAVA_HOME to a JDK 21+ or explains what is missing.
# Order: $JAVA_HOME, the `java` on PATH, then the usual JDK folders, newest first.

pygrpc_java_major() {  # prints the feature version of the JDK at $1, or nothing
  local release="$1/release" v
  if [ -r "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  elif [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  printf '%s' "$v"
}

pygrpc_is_jdk() {  # a JDK (not a JRE): the build needs javac, the launcher needs java
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]
}

pygrpc_find_java() {
  local min=21 tried="" candidate major onpath
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if onpath=$(command -v java 2>/dev/null); then
    onpath=$(readlink -f "$onpath")
    candidates+=("${onpath%/bin/java}")
  fi
  # The usual JDK folders (PYGRPC_JDK_DIRS replaces them), newest first by the version in the name.
  local dirs="${PYGRPC_JDK_DIRS-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* $HOME/.sdkman/candidates/java/* $HOME/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home}"
  for candidate in $(ls -d $dirs 2>/dev/null | sort -t- -k2 -V -r); do
    candidates+=("$candidate")
  done
  local seen=" "
  for candidate in "${candidates[@]}"; do
    candidate=$(readlink -f "$candidate" 2>/dev/null || printf '%s' "$candidate")
    case "$seen" in *" $candidate "*) continue ;; esac
    seen="$seen$candidate "
    pygrpc_is_jdk "$candidate" || { tried="$tried\n  $candidate (not a JDK)"; continue; }
    major=$(pygrpc_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      PYGRPC_JAVA_HOME="$candidate"
      export PYGRPC_JAVA_HOME
      return 0
    fi
    tried="$tried\n  $candidate (Java ${major:-unknown})"
  done
  printf 'pygrpc: no JDK %s or newer found. Looked at JAVA_HOME, the java on PATH and the usual JDK folders:%b\n' "$min" "$tried" >&2
  printf 'Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME to it.\n' >&2
  return 1
}
