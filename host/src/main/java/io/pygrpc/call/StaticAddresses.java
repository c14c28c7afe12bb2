package io.pygrpc.call;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code ipv4:} and {@code ipv6:} target schemes of gRPC's naming doc, which grpc-java lacks:
 * a fixed list of addresses ({@code ipv4:10.0.0.1:50051,10.0.0.2:50051}), each its own backend,
 * so a load-balancing policy such as {@code round_robin} spreads calls over them.
 */
final class StaticAddresses extends NameResolverProvider {
  private static volatile boolean registered;

  private final String scheme;

  private StaticAddresses(String scheme) {
    this.scheme = scheme;
  }

  /** Makes the schemes known to grpc-java, once per process. */
  static void register() {
    if (!registered) {
      synchronized (StaticAddresses.class) {
        if (!registered) {
          NameResolverRegistry.getDefaultRegistry().register(new StaticAddresses("ipv4"));
          NameResolverRegistry.getDefaultRegistry().register(new StaticAddresses("ipv6"));
          registered = true;
        }
      }
    }
  }

  @Override
  public NameResolver newNameResolver(URI target, NameResolver.Args args) {
    if (!scheme.equals(target.getScheme())) {
      return null;
    }
    String list = target.getSchemeSpecificPart();
    List<EquivalentAddressGroup> groups = new ArrayList<>();
    try {
      for (SocketAddress address : AddressList.parse(scheme + ":" + list)) {
        groups.add(new EquivalentAddressGroup(address));
      }
    } catch (io.pygrpc.PygrpcException e) {
      // Channels checks targets first; this is for channels made some other way.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String authority = list.split(",")[0].trim();
    return new NameResolver() {
      @Override
      public String getServiceAuthority() {
        return authority;
      }

      @Override
      public void start(Listener2 listener) {
        listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
      }

      @Override
      public void shutdown() {
        // nothing to release
      }
    };
  }

  @Override
  public String getDefaultScheme() {
    return scheme;
  }

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    return 5;
  }

  @Override
  public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
    return List.of(InetSocketAddress.class);
  }
}
