package io.pygrpc.guest;

import io.pygrpc.call.DynamicCalls;
import io.pygrpc.convert.InputValue;
import io.pygrpc.convert.PolyglotInput;
import java.util.concurrent.Executor;
import org.graalvm.polyglot.Value;

/** What differs between the guest languages on the host side of a call. */
public enum GuestLanguage {
  /** GraalPy: dicts are mappings; a request generator may run on a pump thread (the GIL). */
  PYTHON("python", DynamicCalls.REQUEST_PUMP),
  /** GraalJS: plain objects are mappings; a context admits one thread, so requests are pulled on
   *  the script's thread while it waits for responses. */
  JAVASCRIPT("js", null);

  private final String id;
  private final Executor pump;

  GuestLanguage(String id, Executor pump) {
    this.id = id;
    this.pump = pump;
  }

  /** The polyglot language id. */
  public String id() {
    return id;
  }

  /** A guest value as conversion input: a message (a request, client.message's fields). */
  InputValue input(Value value) {
    return this == PYTHON ? PolyglotInput.pythonMessage(value) : PolyglotInput.javascript(value);
  }

  /** Where request iterators are pulled; null for the script's own thread. */
  Executor pump() {
    return pump;
  }

  /** The language of a script file, by its extension. */
  public static GuestLanguage ofFile(java.nio.file.Path script) {
    String name = script.getFileName().toString();
    return name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs") ? JAVASCRIPT
        : PYTHON;
  }
}
