/**
 * A {@code .proto} compiler in Java: lexer, parser, linker and option interpreter producing the
 * descriptors protoc would. {@link io.pygrpc.descriptor.compiler.ProtoCompiler} is its entry
 * point; everything else is internal to the package.
 */
package io.pygrpc.descriptor.compiler;
