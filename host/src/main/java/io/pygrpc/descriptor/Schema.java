package io.pygrpc.descriptor;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.PygrpcException;
import io.pygrpc.internal.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A client's schema: the sources it loaded, merged. Files are merged by name: the same file twice
 * is not an error, two different files with the same name are. Services of lazy sources (server
 * reflection) are fetched only when a name needs them.
 *
 * <p>Method and message names are resolved here, once, and method answers are cached.
 *
 * @since 0.3.0
 */
public final class Schema {
  private final Map<String, FileDescriptor> files = new LinkedHashMap<>();
  private final Map<String, ServiceDescriptor> services = new LinkedHashMap<>();
  /** Every service name known, with the source to ask for it (null once loaded). */
  private final Map<String, DescriptorSource> owners = new LinkedHashMap<>();
  private final Map<String, MethodDescriptor> resolved = new ConcurrentHashMap<>();

  /**
   * Adds a source: its files now, its other services when first needed.
   *
   * @return the full names of the services the source offers
   * @throws PygrpcException when a file conflicts with one already loaded
   */
  public synchronized List<String> add(DescriptorSource source) {
    requireNonNull(source, "source");
    for (FileDescriptor file : source.files()) {
      add(file);
    }
    List<String> names = source.serviceNames();
    for (String name : names) {
      if (!services.containsKey(name)) {
        owners.putIfAbsent(name, source);
      }
    }
    resolved.clear();
    return names;
  }

  /**
   * Adds a file and, first, the files it imports.
   *
   * @throws PygrpcException when a different file with the same name is already loaded
   */
  public synchronized void add(FileDescriptor file) {
    requireNonNull(file, "file");
    FileDescriptor existing = files.get(file.getName());
    if (existing != null) {
      if (!existing.toProto().equals(file.toProto())) {
        throw new PygrpcException(Kind.DESCRIPTOR, "two different files named \""
            + file.getName() + "\" were loaded; a client can hold only one of them");
      }
      return;
    }
    for (FileDescriptor dependency : file.getDependencies()) {
      add(dependency);
    }
    files.put(file.getName(), file);
    for (ServiceDescriptor service : file.getServices()) {
      services.putIfAbsent(service.getFullName(), service);
      owners.remove(service.getFullName());
    }
    resolved.clear();
  }

  /** The loaded file with this name, or null. */
  public synchronized FileDescriptor file(String name) {
    return files.get(name);
  }

  /** Every loaded file, dependencies first. */
  public synchronized List<FileDescriptor> files() {
    return List.copyOf(files.values());
  }

  /** The full names of every service, loaded or offered by a lazy source, sorted. */
  public synchronized List<String> serviceNames() {
    List<String> names = new ArrayList<>(services.keySet());
    names.addAll(owners.keySet());
    names.sort(null);
    return names;
  }

  /**
   * A service by full name, or by a short name only one service has ({@code Greeter}), fetched
   * from its source if needed.
   *
   * @throws PygrpcException {@code LOOKUP} when no source offers it
   */
  public ServiceDescriptor service(String name) {
    List<String> matches = serviceNames().stream().filter(s -> nameMatches(s, name)).toList();
    String fullName = matches.contains(name) || matches.size() != 1 ? name : matches.get(0);
    ServiceDescriptor service = loadService(fullName);
    if (service == null) {
      List<String> names = serviceNames();
      throw new PygrpcException(Kind.LOOKUP, "no service named \"" + fullName + "\""
          + Suggestions.closest(fullName, names)
              .map(n -> " (did you mean \"" + n + "\"?)").orElse("")
          + "; " + (names.isEmpty() ? "no services are loaded" : "the loaded services are: "
              + String.join(", ", names)));
    }
    return service;
  }

  /**
   * Finds a method by any of the names a user writes: {@code SayHello}, {@code Greeter.SayHello},
   * {@code helloworld.Greeter.SayHello}, {@code helloworld.Greeter/SayHello} or
   * {@code /helloworld.Greeter/SayHello}.
   *
   * @throws PygrpcException of kind {@code LOOKUP} naming what exists when no single method fits
   */
  public MethodDescriptor method(String name) {
    requireNonNull(name, "name");
    MethodDescriptor method = resolved.get(name);
    if (method != null) {
      return method;
    }
    String wanted = MethodResolver.normalize(name);
    int dot = wanted.lastIndexOf('.');
    List<String> all = serviceNames();
    List<String> candidates = dot < 0 ? all : all.stream()
        .filter(s -> nameMatches(s, wanted.substring(0, dot))).toList();
    try {
      method = MethodResolver.resolve(load(candidates.isEmpty() ? all : candidates), name);
    } catch (PygrpcException e) {
      if (candidates.isEmpty() || candidates.size() == all.size()) {
        throw e;
      }
      // Say it with every service in view, so the message lists all that exists.
      method = MethodResolver.resolve(load(all), name);
    }
    resolved.put(name, method);
    return method;
  }

  /**
   * Finds a message type by full name ({@code helloworld.HelloRequest}) or by its short name when
   * only one loaded message has it.
   *
   * @throws PygrpcException {@code LOOKUP} naming the candidates when none or several fit
   */
  public Descriptor messageType(String name) {
    requireNonNull(name, "name");
    String wanted = name.startsWith(".") ? name.substring(1) : name;
    List<Descriptor> matches = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (FileDescriptor file : files()) {
      for (GenericDescriptor d : Symbols.all(file)) {
        if (d instanceof Descriptor message) {
          known.add(message.getFullName());
          if (message.getFullName().equals(wanted)) {
            return message;
          }
          if (message.getFullName().endsWith("." + wanted)) {
            matches.add(message);
          }
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      throw new PygrpcException(Kind.LOOKUP, "message name \"" + name + "\" is ambiguous; it "
          + "matches " + matches.stream().map(Descriptor::getFullName)
              .collect(Collectors.joining(", ")) + "; use the full name");
    }
    FileDescriptor fromSource = fetch(wanted);
    if (fromSource != null && Symbols.find(fromSource, wanted) instanceof Descriptor message) {
      return message;
    }
    // A short name cannot be asked of a reflection service: fetch the offered services' files
    // (with their imports, where a service's messages live) and look again, once.
    if (fetchOfferedServices()) {
      return messageType(name);
    }
    String shortName = wanted.substring(wanted.lastIndexOf('.') + 1);
    List<String> shortNames = known.stream().map(n -> n.substring(n.lastIndexOf('.') + 1))
        .toList();
    throw new PygrpcException(Kind.LOOKUP, "no message named \"" + name + "\""
        + Suggestions.closest(shortName, shortNames)
            .map(n -> " (did you mean \"" + known.get(shortNames.indexOf(n)) + "\"?)").orElse("")
        + (known.isEmpty() ? "; no messages are loaded" : ""));
  }

  /**
   * Describes a service, method, message or enum as {@code .proto}-like text (grpcurl's
   * {@code describe} shape); a method comes with its request and response messages.
   *
   * @throws PygrpcException {@code LOOKUP} when nothing has that name
   */
  public String describe(String symbol) {
    requireNonNull(symbol, "symbol");
    String wanted = symbol.startsWith(".") ? symbol.substring(1) : symbol;
    List<String> services = serviceNames().stream().filter(s -> nameMatches(s, wanted)).toList();
    if (services.size() == 1) {
      return SchemaPrinter.service(service(services.get(0)));
    }
    try {
      return SchemaPrinter.method(method(symbol));
    } catch (PygrpcException notAMethod) {
      // not a method name: try the other kinds
    }
    try {
      return SchemaPrinter.message(messageType(wanted));
    } catch (PygrpcException notAMessage) {
      // nor a message
    }
    for (FileDescriptor file : files()) {
      for (GenericDescriptor d : Symbols.all(file)) {
        if (d instanceof com.google.protobuf.Descriptors.EnumDescriptor e
            && nameMatches(e.getFullName(), wanted)) {
          return SchemaPrinter.enumType(e);
        }
      }
    }
    throw new PygrpcException(Kind.LOOKUP, "no service, method, message or enum named \""
        + symbol + "\"" + (services.size() > 1 ? "; services matching it: "
            + String.join(", ", services) : ""));
  }

  private List<ServiceDescriptor> load(List<String> names) {
    List<ServiceDescriptor> loaded = new ArrayList<>();
    for (String name : names) {
      ServiceDescriptor service = loadService(name);
      if (service != null) {
        loaded.add(service);
      }
    }
    return loaded;
  }

  private ServiceDescriptor loadService(String fullName) {
    DescriptorSource owner;
    synchronized (this) {
      ServiceDescriptor loaded = services.get(fullName);
      if (loaded != null) {
        return loaded;
      }
      owner = owners.get(fullName);
    }
    if (owner == null) {
      return null;
    }
    FileDescriptor file = owner.fileContaining(fullName);
    if (file == null) {
      return null;
    }
    add(file);
    synchronized (this) {
      return services.get(fullName);
    }
  }

  /** Fetches the files of services lazy sources offer but have not given yet; true if any. */
  private boolean fetchOfferedServices() {
    List<String> offered;
    synchronized (this) {
      offered = owners.keySet().stream().filter(s -> !services.containsKey(s)).toList();
    }
    boolean fetched = false;
    for (String service : offered) {
      fetched |= loadService(service) != null;
    }
    return fetched;
  }

  /** Asks the lazy sources for the file of a symbol; adds and returns it, or null. */
  private FileDescriptor fetch(String symbol) {
    List<DescriptorSource> lazy;
    synchronized (this) {
      lazy = owners.values().stream().distinct().toList();
    }
    for (DescriptorSource source : lazy) {
      FileDescriptor file = source.fileContaining(symbol);
      if (file != null) {
        add(file);
        return file;
      }
    }
    return null;
  }

  private static boolean nameMatches(String fullName, String typed) {
    return fullName.equals(typed) || fullName.endsWith("." + typed);
  }
}
