package io.pygrpc.call;

import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address lists of {@code ipv4:} and {@code ipv6:} targets, as gRPC's naming doc spells
 * them: literals only (never a DNS look-up), the port optional (443), an IPv6 address in
 * brackets when a port follows ({@code ipv6:[::1]:50051}).
 */
final class AddressList {
  private static final Pattern IPV4 = Pattern.compile(
      "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final int DEFAULT_PORT = 443;

  private AddressList() {}

  /** True for the targets this class reads. */
  static boolean isStatic(String target) {
    return target.startsWith("ipv4:") || target.startsWith("ipv6:");
  }

  /**
   * The target as a URI grpc-java accepts: Java's URI parser refuses brackets in an opaque
   * part, so they are percent-encoded; the resolver gets them back decoded.
   *
   * @throws PygrpcException naming the target and the entry when the list is malformed
   */
  static String uriSafe(String target) {
    parse(target);
    return target.replace("[", "%5B").replace("]", "%5D");
  }

  /**
   * The socket addresses of an {@code ipv4:} or {@code ipv6:} target.
   *
   * @throws PygrpcException naming the target and the entry when the list is malformed
   */
  static List<InetSocketAddress> parse(String target) {
    String scheme = target.substring(0, 4);
    String list = target.substring(5);
    if (list.isBlank()) {
      throw bad(target, "no addresses after \"" + scheme + ":\"");
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String entry : list.split(",", -1)) {
      addresses.add(scheme.equals("ipv4") ? ipv4(target, entry.trim())
          : ipv6(target, entry.trim()));
    }
    return addresses;
  }

  private static InetSocketAddress ipv4(String target, String entry) {
    int colon = entry.indexOf(':');
    String host = colon < 0 ? entry : entry.substring(0, colon);
    if (!IPV4.matcher(host).matches()) {
      throw bad(target, "\"" + entry + "\" is not an IPv4 address (expected: 10.0.0.1 or "
          + "10.0.0.1:50051; use dns:/// for host names)");
    }
    return address(target, entry, host, colon < 0 ? null : entry.substring(colon + 1));
  }

  private static InetSocketAddress ipv6(String target, String entry) {
    String host = entry;
    String port = null;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0 || (close + 1 < entry.length() && entry.charAt(close + 1) != ':')) {
        throw bad(target, "\"" + entry + "\" is not an IPv6 address (expected: ::1 or "
            + "[::1]:50051)");
      }
      host = entry.substring(1, close);
      port = close + 1 < entry.length() ? entry.substring(close + 2) : null;
    }
    if (!host.contains(":")) {
      throw bad(target, "\"" + entry + "\" is not an IPv6 address (expected: ::1 or "
          + "[::1]:50051)");
    }
    return address(target, entry, host, port);
  }

  private static InetSocketAddress address(String target, String entry, String host,
      String port) {
    int number = DEFAULT_PORT;
    if (port != null) {
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        number = -1;
      }
      if (number < 1 || number > 65535) {
        throw bad(target, "\"" + entry + "\": port \"" + port + "\" (expected: 1-65535)");
      }
    }
    try {
      // A literal (checked above), so no name look-up happens here.
      return new InetSocketAddress(InetAddress.getByName(host), number);
    } catch (UnknownHostException e) {
      throw bad(target, "\"" + entry + "\" is not an IP address (" + e.getMessage() + ")");
    }
  }

  private static PygrpcException bad(String target, String why) {
    return new PygrpcException(Kind.VALUE, "target: \"" + target + "\": " + why);
  }
}
