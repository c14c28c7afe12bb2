package io.pygrpc.launcher;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import javax.management.ObjectInstance;
import javax.management.ObjectName;

/**
 * The launcher's platform MBean server: it takes the platform's MBeans when the JVM builds it
 * and registers them only when it is first used for anything else.
 *
 * <p>GraalPy builds the platform MBean server as it starts, only to call one operation from
 * {@code gc.collect()}. Registering the DiagnosticCommand MBean asks it for its description,
 * which collects the help of every diagnostic command, JFR's among them (it parses JFR's
 * settings files): ~35 ms of a cold run's main thread, for a server no script uses. Any query,
 * invocation or other registration registers the held MBeans first, so a JMX client or
 * {@code gc.collect()} sees the server as it would be without this.
 */
public final class DeferredMBeans extends MBeanServerBuilder {
  /** The system property that names the JVM's {@link MBeanServerBuilder}. */
  static final String BUILDER_PROPERTY = "javax.management.builder.initial";

  /** Makes this the JVM's builder, unless one is named already (a user's JVM option). */
  static void install() {
    if (System.getProperty(BUILDER_PROPERTY) == null) {
      System.setProperty(BUILDER_PROPERTY, DeferredMBeans.class.getName());
    }
  }

  /** Called by {@link javax.management.MBeanServerFactory}, by name. */
  public DeferredMBeans() {}

  @Override
  public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer,
      MBeanServerDelegate delegate) {
    MBeanServer server = super.newMBeanServer(defaultDomain, outer, delegate);
    return (MBeanServer) Proxy.newProxyInstance(MBeanServer.class.getClassLoader(),
        new Class<?>[] {MBeanServer.class}, new Holding(server));
  }

  /**
   * Holds registrations until the first other call, then passes every call on. Only the held
   * list and its registration are under the lock: once they are done, a call is passed on
   * outside it, as the server it stands for would run concurrent calls.
   */
  private static final class Holding implements InvocationHandler {
    private final MBeanServer server;
    private List<Object[]> held = new ArrayList<>();
    /**
     * Whether the held MBeans are all registered: until then every call goes through the lock,
     * so a call from another thread waits for them instead of reaching a server without them.
     */
    private volatile boolean settled;

    Holding(MBeanServer server) {
      this.server = server;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(server, args); // equals, hashCode, toString: not a use
      }
      if (!settled && hold(method, args)) {
        return new ObjectInstance((ObjectName) args[1], args[0].getClass().getName());
      }
      try {
        return method.invoke(server, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    /**
     * Holds a registration while nothing else has been asked, or else registers what is held
     * (once, before any call is passed on).
     *
     * @return whether the call was held
     */
    private synchronized boolean hold(Method method, Object[] args) {
      if (held == null) {
        return false;
      }
      if (method.getName().equals("registerMBean")) {
        held.add(args);
        return true;
      }
      List<Object[]> registrations = held;
      held = null; // a call the registrations make back into the server passes straight on
      Exception failed = null;
      try {
        for (Object[] registration : registrations) {
          try {
            server.registerMBean(registration[0], (ObjectName) registration[1]);
          } catch (Exception e) { // the others are registered all the same
            if (failed == null) {
              failed = e;
            }
          }
        }
      } finally {
        settled = true;
      }
      if (failed != null) { // the call that found it may declare no such exception
        throw new IllegalStateException("an MBean held for the platform MBean server could not"
            + " be registered: " + failed, failed);
      }
      return false;
    }
  }
}
