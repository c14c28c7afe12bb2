package io.pygrpc.descriptor.compiler;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A place options are set on: which options message it takes ({@code FileOptions},
 * {@code FieldOptions}, ...), how to read and write it on the descriptor builder, and the scope
 * names in the option are resolved from.
 */
record OptionTarget(Descriptor optionsType, Supplier<Message> current, Consumer<Message> set,
    String scope) {}
