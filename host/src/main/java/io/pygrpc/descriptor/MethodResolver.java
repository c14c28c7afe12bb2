package io.pygrpc.descriptor;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns the names users write for a method into the method, with errors that list what exists. */
final class MethodResolver {
  private MethodResolver() {}

  /** The name with a leading slash dropped and the service/method slash made a dot. */
  static String normalize(String name) {
    String wanted = name.startsWith("/") ? name.substring(1) : name;
    return wanted.replace('/', '.');
  }

  static MethodDescriptor resolve(List<ServiceDescriptor> services, String name) {
    String wanted = normalize(name);
    if (services.isEmpty()) {
      throw lookup("no services are loaded, so method \"" + name
          + "\" cannot be found; load a schema first, e.g. client.load('helloworld_pb2')");
    }
    List<MethodDescriptor> matches = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor method : service.getMethods()) {
        String full = method.getFullName();
        if (full.equals(wanted) || full.endsWith("." + wanted)) {
          matches.add(method);
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      throw lookup("method name \"" + name + "\" is ambiguous; it matches "
          + matches.stream().map(MethodResolver::fullName).collect(Collectors.joining(", "))
          + "; use the full name");
    }
    int dot = wanted.lastIndexOf('.');
    if (dot > 0) {
      String serviceName = wanted.substring(0, dot);
      String methodName = wanted.substring(dot + 1);
      for (ServiceDescriptor service : services) {
        if (service.getFullName().equals(serviceName)
            || service.getFullName().endsWith("." + serviceName)) {
          throw lookup("service \"" + service.getFullName()
              + "\" does not include a method named \"" + methodName + "\"" + suggestion(
                  methodName, service.getMethods()) + "; it has: " + service.getMethods().stream()
                  .map(MethodDescriptor::getName).collect(Collectors.joining(", ")));
        }
      }
    }
    List<MethodDescriptor> all = new ArrayList<>();
    services.forEach(s -> all.addAll(s.getMethods()));
    String shortName = dot > 0 ? wanted.substring(dot + 1) : wanted;
    throw lookup("no method named \"" + name + "\"" + suggestion(shortName, all)
        + "; the loaded services have: "
        + all.stream().map(MethodResolver::fullName).collect(Collectors.joining(", ")));
  }

  /** The name as gRPC writes it on the wire: {@code helloworld.Greeter/SayHello}. */
  static String fullName(MethodDescriptor method) {
    return method.getService().getFullName() + "/" + method.getName();
  }

  private static String suggestion(String typed, List<MethodDescriptor> methods) {
    List<String> names = methods.stream().map(MethodDescriptor::getName).toList();
    return Suggestions.closest(typed, names)
        .map(best -> " (did you mean \"" + fullName(methods.get(names.indexOf(best))) + "\"?)")
        .orElse("");
  }

  private static PygrpcException lookup(String message) {
    return new PygrpcException(PygrpcException.Kind.LOOKUP, message);
  }
}
