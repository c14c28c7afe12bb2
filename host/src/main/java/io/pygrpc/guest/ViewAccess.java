package io.pygrpc.guest;

import io.pygrpc.convert.MessageView;
import java.util.List;
import org.graalvm.polyglot.HostAccess;

/**
 * The guests' functions over message views ({@code bridge.views()}): a view exports no members of
 * its own, since a Python message is the view itself and a member would hide a field of the same
 * name. Functions looked up once: finding a method on each view cost about as much as the read.
 */
public final class ViewAccess {
  static final ViewAccess INSTANCE = new ViewAccess();

  private ViewAccess() {}

  /** A field by name; the name first, so a Python property can hold it in a partial. */
  @HostAccess.Export
  public Object field(String name, MessageView view) {
    return view.get(name);
  }

  @HostAccess.Export
  public boolean has(MessageView view, String name) {
    return view.has(name);
  }

  @HostAccess.Export
  public List<String> fields(MessageView view) {
    return view.fields();
  }

  @HostAccess.Export
  public List<Object> plainValues(MessageView view) {
    return view.plainValues();
  }

  @HostAccess.Export
  public String typeName(MessageView view) {
    return view.typeName();
  }

  @HostAccess.Export
  public String json(MessageView view, boolean protoFieldNames, boolean includeDefaults,
      boolean indent) {
    return view.json(protoFieldNames, includeDefaults, indent);
  }

  @HostAccess.Export
  public String text(MessageView view) {
    return view.text();
  }

  @HostAccess.Export
  public String repr(MessageView view) {
    return view.repr();
  }

  /** Whether {@code other} is a view of an equal message of the same type. */
  @HostAccess.Export
  public boolean same(MessageView view, Object other) {
    return other instanceof MessageView that && view.same(that);
  }
}
