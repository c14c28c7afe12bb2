package io.pygrpc.descriptor;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A server's schema over its reflection service, fetched lazily: the service list once, then a
 * file (and what it imports) only when a symbol in it is needed.
 *
 * <p>Servers whose files import files they cannot serve are tolerated: what can be built is built
 * with placeholders for the missing files, and {@link #warnings()} says what was missing.
 */
final class ReflectionSource implements DescriptorSource {
  private final ReflectionClient client;
  private final Function<String, FileDescriptor> outside;
  private final Map<String, FileDescriptorProto> protos = new HashMap<>();
  private final Map<String, FileDescriptor> built = new HashMap<>();
  private final Set<String> missing = new LinkedHashSet<>();
  private List<String> services;

  /**
   * @param outside files known without asking (loaded ones, well-known types), or null
   */
  ReflectionSource(Channel channel, Function<String, FileDescriptor> outside) {
    this.client = new ReflectionClient(channel);
    this.outside = outside;
  }

  @Override
  public synchronized List<String> serviceNames() {
    if (services == null) {
      ServerReflectionResponse response = ask(ServerReflectionRequest.newBuilder()
          .setListServices("").build(), "the list of services");
      List<String> names = new ArrayList<>();
      for (ServiceResponse service : response.getListServicesResponse().getServiceList()) {
        names.add(service.getName());
      }
      services = List.copyOf(names);
    }
    return services;
  }

  @Override
  public synchronized FileDescriptor fileContaining(String symbol) {
    ServerReflectionResponse response;
    try {
      response = ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build(),
          "symbol \"" + symbol + "\"");
    } catch (SymbolNotFound e) {
      return null;
    }
    String first = remember(response);
    return build(first);
  }

  @Override
  public List<FileDescriptor> files() {
    return List.of();
  }

  @Override
  public String describe() {
    return "server reflection at " + client.target();
  }

  /** Files the server's schema imports but the server could not provide. */
  @Override
  public synchronized List<String> warnings() {
    return missing.stream().map(name -> "the server's reflection service cannot provide \""
        + name + "\"; types from it are unknown").toList();
  }

  /** Stores the files of an answer; returns the name of the first (the one asked for). */
  private String remember(ServerReflectionResponse response) {
    String first = null;
    for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      FileDescriptorProto proto;
      try {
        proto = FileDescriptorProto.parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        throw new PygrpcException(Kind.DESCRIPTOR, describe() + " sent a corrupt descriptor: "
            + e.getMessage(), e);
      }
      protos.putIfAbsent(proto.getName(), proto);
      if (first == null) {
        first = proto.getName();
      }
    }
    if (first == null) {
      throw new PygrpcException(Kind.DESCRIPTOR, describe() + " answered without a file");
    }
    return first;
  }

  private FileDescriptor build(String name) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptor known = outside == null ? null : outside.apply(name);
    if (known != null) {
      return known;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      try {
        remember(ask(ServerReflectionRequest.newBuilder().setFileByFilename(name).build(),
            "file \"" + name + "\""));
        proto = protos.get(name);
      } catch (SymbolNotFound e) {
        proto = null;
      }
      if (proto == null) {
        missing.add(name);
        return null;
      }
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      FileDescriptor file = build(dependency);
      if (file != null) {
        dependencies.add(file);
      }
    }
    try {
      // Missing imports become placeholders instead of failing the whole file.
      FileDescriptor file = FileDescriptor.buildFrom(proto,
          dependencies.toArray(new FileDescriptor[0]), !missing.isEmpty());
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new PygrpcException(Kind.DESCRIPTOR, describe() + ": \"" + name + "\" is invalid: "
          + e.getMessage(), e);
    }
  }

  private ServerReflectionResponse ask(ServerReflectionRequest request, String what) {
    ServerReflectionResponse response = client.ask(request);
    if (response.hasErrorResponse()) {
      int code = response.getErrorResponse().getErrorCode();
      if (code == io.grpc.Status.Code.NOT_FOUND.value()) {
        throw new SymbolNotFound();
      }
      throw new PygrpcException(Kind.LOOKUP, describe() + " could not give " + what + ": "
          + response.getErrorResponse().getErrorMessage());
    }
    return response;
  }

  /** The server does not know what was asked: a normal answer for a lazy lookup. */
  private static final class SymbolNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SymbolNotFound() {
      super(null, null, false, false);
    }
  }
}
