package io.pygrpc.descriptor.compiler;

import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceOptions;
import java.util.List;

/** Parses {@code service} definitions: methods with their streaming and options. */
final class ServiceParser {
  private final TokenStream in;
  private final OptionSyntax opts;
  private final List<TypeRef> typeRefs;

  ServiceParser(TokenStream in, OptionSyntax opts, List<TypeRef> typeRefs) {
    this.in = in;
    this.opts = opts;
    this.typeRefs = typeRefs;
  }

  void parse(ServiceDescriptorProto.Builder service, String scope) {
    service.setName(in.ident("service name"));
    in.expect("{");
    while (in.inBlock("service definition")) {
      Token t = in.peek();
      if (t.is(";")) {
        in.take();
      } else if (t.is("option")) {
        in.take();
        opts.optionStatement(opts.target(ServiceOptions.getDescriptor(), service::getOptions,
            m -> service.setOptions((ServiceOptions) m), scope));
      } else if (t.is("rpc")) {
        in.take();
        rpc(service.addMethodBuilder(), scope);
      } else {
        throw in.error(t, "expected \"rpc\", \"option\" or \"}\"");
      }
    }
  }

  private void rpc(MethodDescriptorProto.Builder method, String scope) {
    method.setName(in.ident("method name"));
    in.expect("(");
    if (in.tryTake("stream")) {
      method.setClientStreaming(true);
    }
    Token inputToken = in.peek();
    method.setInputType(in.typeName());
    typeRefs.add(new TypeRef(method.getInputType(), scope, inputToken, method::setInputType,
        null));
    in.expect(")");
    in.expect("returns");
    in.expect("(");
    if (in.tryTake("stream")) {
      method.setServerStreaming(true);
    }
    Token outputToken = in.peek();
    method.setOutputType(in.typeName());
    typeRefs.add(new TypeRef(method.getOutputType(), scope, outputToken, method::setOutputType,
        null));
    in.expect(")");
    if (in.peek().is("{")) {
      in.take();
      // protoc gives a method with a body an options message, even an empty one.
      method.getOptionsBuilder();
      while (in.inBlock("method options")) {
        Token t = in.peek();
        if (t.is(";")) {
          in.take();
        } else if (t.is("option")) {
          in.take();
          opts.optionStatement(opts.target(MethodOptions.getDescriptor(), method::getOptions,
              m -> method.setOptions((MethodOptions) m), scope));
        } else {
          throw in.error(t, "expected \"option\" or \"}\"");
        }
      }
    } else {
      in.expect(";");
    }
  }
}
