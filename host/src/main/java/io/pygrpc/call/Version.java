package io.pygrpc.call;

/** The version of pygrpc, as the jar's manifest states it. */
public final class Version {
  private Version() {}

  /** The version string, or {@code dev} when running from unpackaged classes. */
  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
