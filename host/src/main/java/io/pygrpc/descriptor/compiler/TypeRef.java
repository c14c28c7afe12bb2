package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import java.util.function.Consumer;

/**
 * A type name as written in a {@code .proto} file, waiting to be resolved to a fully qualified
 * one ({@code .pkg.Message}) from its scope outwards, as protoc does.
 *
 * @param written the name as written ({@code Point}, {@code demo.Point}, {@code .demo.Point})
 * @param scope the full name of the scope it was written in (message or package)
 * @param at where it was written
 * @param setName stores the resolved name
 * @param setType stores whether it is a message or an enum; null where only messages fit
 */
record TypeRef(String written, String scope, Token at, Consumer<String> setName,
    Consumer<FieldDescriptorProto.Type> setType) {}
