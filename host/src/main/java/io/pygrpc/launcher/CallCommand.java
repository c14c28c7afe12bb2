package io.pygrpc.launcher;

import com.google.gson.JsonElement;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.call.CallSettings;
import io.pygrpc.call.DynamicCalls;
import io.pygrpc.call.DynamicMethods;
import io.pygrpc.call.Invocation;
import io.pygrpc.call.Reply;
import io.pygrpc.call.StreamingCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pygrpc call TARGET METHOD [-d JSON|@FILE|@-]}: one call, as grpcurl makes it. The
 * request is protobuf JSON (a stream of JSON objects, e.g. NDJSON, for client-streaming and
 * bidi methods); each response is printed as JSON as it arrives. An RPC failure exits with
 * 64 + its status code.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
    description = {"Calls one method and prints each response as protobuf JSON (as grpcurl "
        + "does).", "The schema comes from the server's reflection service unless --proto or "
        + "--protoset names files. An RPC failure exits with 64 + its status code."})
final class CallCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TARGET", description = "host:port of the server.")
  String target;

  @Parameters(index = "1", paramLabel = "METHOD",
      description = "The method: SayHello, Greeter/SayHello or helloworld.Greeter.SayHello.")
  String method;

  @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE|@-",
      description = "The request as JSON, or @FILE, or @- for stdin; several JSON objects "
          + "(NDJSON) for a client-streaming or bidi method. Default: {}.")
  String data;

  @Option(names = "--max-time", paramLabel = "SECONDS",
      description = "The call's deadline in seconds.")
  Double maxTime;

  @Option(names = "--emit-defaults", description = "Print fields that hold their default value.")
  boolean emitDefaults;

  @Option(names = "--compact", description = "One line per response (NDJSON).")
  boolean compact;

  @Mixin
  SchemaOptions schemaOptions;

  @Spec
  CommandSpec spec;

  private final InputStream stdin;

  CallCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    return schemaOptions.with(target, (schema, channel) -> {
      MethodDescriptor found = schema.method(method);
      var grpcMethod = DynamicMethods.of(found);
      Iterator<JsonElement> inputs = requests();
      JsonFormat.Parser parser = JsonFormat.parser();
      var descriptor = found.getInputType();
      java.util.function.Supplier<DynamicMessage> single = () -> {
        DynamicMessage request = inputs.hasNext() ? parse(parser, descriptor, inputs.next(), 0)
            : DynamicMessage.getDefaultInstance(descriptor);
        if (inputs.hasNext()) {
          throw new PygrpcException(Kind.VALUE, "-d: \"" + found.getFullName() + "\" takes one "
              + "request, and the data holds more than one JSON object");
        }
        return request;
      };
      long[] index = {0};
      io.pygrpc.call.RequestSource many = () -> inputs.hasNext()
          ? parse(parser, descriptor, inputs.next(), index[0]++) : null;
      CallSettings settings = maxTime == null ? CallSettings.DEFAULT
          : new CallSettings(CallSettings.timeoutSeconds(maxTime), new io.grpc.Metadata(), null,
              null);
      PrintWriter out = spec.commandLine().getOut();
      JsonFormat.Printer printer = JsonFormat.printer();
      if (emitDefaults) {
        printer = printer.alwaysPrintFieldsWithNoPresence();
      }
      if (compact) {
        printer = printer.omittingInsignificantWhitespace();
      }
      Invocation invocation = DynamicCalls.invoke(channel, grpcMethod, settings, single, many,
          DynamicCalls.REQUEST_PUMP);
      if (invocation instanceof Reply reply) {
        print(out, printer, reply.message());
      } else {
        try (StreamingCall call = (StreamingCall) invocation) {
          for (DynamicMessage response = call.next(); response != null;
              response = call.next()) {
            print(out, printer, response);
          }
        }
      }
      return 0;
    });
  }

  private static void print(PrintWriter out, JsonFormat.Printer printer, DynamicMessage message) {
    try {
      out.println(printer.print(message));
      out.flush();
    } catch (InvalidProtocolBufferException e) {
      throw new PygrpcException(Kind.VALUE, "cannot print a " + message.getDescriptorForType()
          .getFullName() + " as JSON: " + e.getMessage(), e);
    }
  }

  private Iterator<JsonElement> requests() {
    Reader reader;
    if (data == null) {
      reader = new StringReader("");
    } else if (data.equals("@-")) {
      reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
    } else if (data.startsWith("@")) {
      Path file = Path.of(data.substring(1));
      try {
        reader = Files.newBufferedReader(SchemaOptions.inWorkingFolder(spec, file));
      } catch (IOException e) {
        throw new PygrpcException(Kind.VALUE, "-d " + data + ": cannot read \"" + file + "\": "
            + e.getMessage());
      }
    } else {
      reader = new StringReader(data);
    }
    return new JsonRequests(reader);
  }

  private static DynamicMessage parse(JsonFormat.Parser parser,
      com.google.protobuf.Descriptors.Descriptor type, JsonElement json, long index) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    try {
      parser.merge(json.toString(), builder);
    } catch (InvalidProtocolBufferException e) {
      throw new PygrpcException(Kind.VALUE, "-d: request " + index + " is not a "
          + type.getFullName() + ": " + e.getMessage());
    }
    return builder.build();
  }
}
