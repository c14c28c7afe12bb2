package io.pygrpc.guest;

import com.google.protobuf.Message;
import io.pygrpc.convert.GuestValues;
import io.pygrpc.convert.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.graalvm.polyglot.Value;

/**
 * Gives each message type a Java class of its own for its views, from a fixed set, so that
 * Python can type the views themselves as the type's message class: GraalPy's
 * {@code polyglot.register_interop_type} gives a Python class to the host objects of one Java
 * class. A reply then reaches the script as its view, with no Python object made for it (in
 * GraalPy's interpreter that object cost a streamed message ~0.6 of ~1 µs of the script's time),
 * and each field as a property that calls the host directly.
 *
 * <p>Types are told apart by full name, within one script's context; past {@value #SIZE} types,
 * the rest share one more class, which Python types as its {@code Message} base class (their
 * fields are still read, through {@code __getattr__}; only their class's name is lost).
 */
final class ViewTypes {
  static final int SIZE = 32;
  private static final List<Class<? extends MessageView>> CLASSES = List.of(
      T0.class, T1.class, T2.class, T3.class, T4.class, T5.class, T6.class, T7.class, T8.class,
      T9.class, T10.class, T11.class, T12.class, T13.class, T14.class, T15.class, T16.class,
      T17.class, T18.class, T19.class, T20.class, T21.class, T22.class, T23.class, T24.class,
      T25.class, T26.class, T27.class, T28.class, T29.class, T30.class, T31.class);
  private static final List<BiFunction<Message, GuestValues, MessageView>> MAKERS = List.of(
      T0::new, T1::new, T2::new, T3::new, T4::new, T5::new, T6::new, T7::new, T8::new, T9::new,
      T10::new, T11::new, T12::new, T13::new, T14::new, T15::new, T16::new, T17::new, T18::new,
      T19::new, T20::new, T21::new, T22::new, T23::new, T24::new, T25::new, T26::new, T27::new,
      T28::new, T29::new, T30::new, T31::new);

  private final Value name;
  private final GuestValues values;
  private final Map<String, BiFunction<Message, GuestValues, MessageView>> byType =
      new ConcurrentHashMap<>();
  private int used;
  private boolean sharedNamed;

  /**
   * {@code register(classes)} and {@code name(index, view)} are the guest's. The guest gives
   * each class its Python class at once, here: registering an interop type makes GraalPy drop
   * the Python classes it made for host objects so far, so a class registered later would
   * change the type of every message already out. {@code name} makes the class at {@code index}
   * (of {@code register}'s list; the last is the shared one) the type of {@code view}'s.
   */
  ViewTypes(Value register, Value name, GuestValues values) {
    this.name = name;
    this.values = values;
    List<Class<?>> classes = new ArrayList<>(CLASSES);
    classes.add(Shared.class);
    register.execute(classes);
  }

  MessageView view(Message message) {
    var make = byType.get(message.getDescriptorForType().getFullName());
    return make != null ? make.apply(message, values) : first(message);
  }

  /** The first view of a type: its class is chosen, and named in the guest, here. */
  private synchronized MessageView first(Message message) {
    String type = message.getDescriptorForType().getFullName();
    var make = byType.get(type);
    if (make != null) {
      return make.apply(message, values);
    }
    boolean typed = used < SIZE;
    int index = typed ? used++ : SIZE;
    make = typed ? MAKERS.get(index) : Shared::new;
    MessageView view = make.apply(message, values);
    if (typed || !sharedNamed) {
      name.execute(index, view);
      sharedNamed |= !typed;
    }
    byType.put(type, make);
    return view;
  }

  // The classes: nothing but a Java class each.
  static final class Shared extends MessageView {
    Shared(Message m, GuestValues v) {
      super(m, v);
    }
  }

  static final class T0 extends MessageView { T0(Message m, GuestValues v) { super(m, v); } }
  static final class T1 extends MessageView { T1(Message m, GuestValues v) { super(m, v); } }
  static final class T2 extends MessageView { T2(Message m, GuestValues v) { super(m, v); } }
  static final class T3 extends MessageView { T3(Message m, GuestValues v) { super(m, v); } }
  static final class T4 extends MessageView { T4(Message m, GuestValues v) { super(m, v); } }
  static final class T5 extends MessageView { T5(Message m, GuestValues v) { super(m, v); } }
  static final class T6 extends MessageView { T6(Message m, GuestValues v) { super(m, v); } }
  static final class T7 extends MessageView { T7(Message m, GuestValues v) { super(m, v); } }
  static final class T8 extends MessageView { T8(Message m, GuestValues v) { super(m, v); } }
  static final class T9 extends MessageView { T9(Message m, GuestValues v) { super(m, v); } }
  static final class T10 extends MessageView { T10(Message m, GuestValues v) { super(m, v); } }
  static final class T11 extends MessageView { T11(Message m, GuestValues v) { super(m, v); } }
  static final class T12 extends MessageView { T12(Message m, GuestValues v) { super(m, v); } }
  static final class T13 extends MessageView { T13(Message m, GuestValues v) { super(m, v); } }
  static final class T14 extends MessageView { T14(Message m, GuestValues v) { super(m, v); } }
  static final class T15 extends MessageView { T15(Message m, GuestValues v) { super(m, v); } }
  static final class T16 extends MessageView { T16(Message m, GuestValues v) { super(m, v); } }
  static final class T17 extends MessageView { T17(Message m, GuestValues v) { super(m, v); } }
  static final class T18 extends MessageView { T18(Message m, GuestValues v) { super(m, v); } }
  static final class T19 extends MessageView { T19(Message m, GuestValues v) { super(m, v); } }
  static final class T20 extends MessageView { T20(Message m, GuestValues v) { super(m, v); } }
  static final class T21 extends MessageView { T21(Message m, GuestValues v) { super(m, v); } }
  static final class T22 extends MessageView { T22(Message m, GuestValues v) { super(m, v); } }
  static final class T23 extends MessageView { T23(Message m, GuestValues v) { super(m, v); } }
  static final class T24 extends MessageView { T24(Message m, GuestValues v) { super(m, v); } }
  static final class T25 extends MessageView { T25(Message m, GuestValues v) { super(m, v); } }
  static final class T26 extends MessageView { T26(Message m, GuestValues v) { super(m, v); } }
  static final class T27 extends MessageView { T27(Message m, GuestValues v) { super(m, v); } }
  static final class T28 extends MessageView { T28(Message m, GuestValues v) { super(m, v); } }
  static final class T29 extends MessageView { T29(Message m, GuestValues v) { super(m, v); } }
  static final class T30 extends MessageView { T30(Message m, GuestValues v) { super(m, v); } }
  static final class T31 extends MessageView { T31(Message m, GuestValues v) { super(m, v); } }
}
