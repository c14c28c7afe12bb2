package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class DeferredMBeansTest {
  /** An MBean like DiagnosticCommand: its description is what registering asks for. */
  private static final class Costly implements DynamicMBean {
    final AtomicInteger described = new AtomicInteger();
    final AtomicInteger invoked = new AtomicInteger();
    /** Run as the bean is described, on the registering thread. */
    private final Runnable onDescribe;

    Costly() {
      this(() -> { });
    }

    Costly(Runnable onDescribe) {
      this.onDescribe = onDescribe;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
      described.incrementAndGet();
      onDescribe.run();
      return new MBeanInfo(Costly.class.getName(), "test", null, null,
          new MBeanOperationInfo[] {new MBeanOperationInfo("run", "", null, "void",
              MBeanOperationInfo.ACTION)}, null);
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) {
      invoked.incrementAndGet();
      return action;
    }

    @Override
    public Object getAttribute(String attribute) {
      return null;
    }

    @Override
    public void setAttribute(Attribute attribute) {}

    @Override
    public AttributeList getAttributes(String[] attributes) {
      return new AttributeList();
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
      return attributes;
    }
  }

  private static MBeanServer server() {
    return new DeferredMBeans().newMBeanServer("test", null, new MBeanServerDelegate());
  }

  @Test
  void registration_isNotDescribed_untilTheServerIsUsed() throws Exception {
    MBeanServer server = server();
    Costly bean = new Costly();
    ObjectName name = new ObjectName("test:type=Costly");

    server.registerMBean(bean, name);
    server.hashCode(); // not a use of the server
    assertEquals(0, bean.described.get());

    assertTrue(server.isRegistered(name));
    assertTrue(bean.described.get() > 0);
  }

  @Test
  void anInvocation_reachesAHeldMBean() throws Exception {
    MBeanServer server = server();
    Costly bean = new Costly();
    ObjectName name = new ObjectName("test:type=Costly");
    server.registerMBean(bean, name);

    assertEquals("run", server.invoke(name, "run", new Object[0], new String[0]));
    assertEquals(1, bean.invoked.get());
  }

  @Test
  void afterTheFirstUse_registrationsAreAtOnce_andFailuresReachTheCaller() throws Exception {
    MBeanServer server = server();
    ObjectName name = new ObjectName("test:type=Costly");
    assertFalse(server.isRegistered(name));

    Costly bean = new Costly();
    server.registerMBean(bean, name);
    assertTrue(bean.described.get() > 0);
    assertTrue(server.isRegistered(name));
    assertThrows(InstanceAlreadyExistsException.class,
        () -> server.registerMBean(new Costly(), name));
  }

  @Test
  void aHeldRegistrationThatFails_failsTheFirstUse_andTheOthersAreRegistered() throws Exception {
    MBeanServer server = server();
    ObjectName twice = new ObjectName("test:type=Twice");
    ObjectName other = new ObjectName("test:type=Other");
    server.registerMBean(new Costly(), twice);
    server.registerMBean(new Costly(), twice);
    server.registerMBean(new Costly(), other);

    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> server.isRegistered(other));
    assertTrue(failed.getCause() instanceof InstanceAlreadyExistsException, failed.toString());
    assertTrue(server.isRegistered(twice));
    assertTrue(server.isRegistered(other));
  }

  /** A call on another thread while the held MBeans register waits for them all. */
  @Test
  void aCallDuringTheHeldRegistrations_waitsForThem() throws Exception {
    MBeanServer server = server();
    CountDownLatch describing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ObjectName slow = new ObjectName("test:type=Slow");
    server.registerMBean(new Costly(() -> {
      describing.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }), slow);
    Thread first = new Thread(() -> server.isRegistered(slow));
    first.start();
    assertTrue(describing.await(10, TimeUnit.SECONDS));

    AtomicBoolean seen = new AtomicBoolean();
    Thread second = new Thread(() -> seen.set(server.isRegistered(slow)));
    second.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (second.getState() != Thread.State.BLOCKED && second.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    release.countDown();
    second.join(10_000);
    first.join(10_000);
    assertTrue(seen.get(), "the second call reached the server before the held MBean");
  }

  /** An MBean that calls back into the server as it registers neither deadlocks nor fails. */
  @Test
  void aHeldMBeanCallingBackAsItRegisters_isServed() throws Exception {
    MBeanServer server = server();
    ObjectName caller = new ObjectName("test:type=Caller");
    ObjectName other = new ObjectName("test:type=Other");
    AtomicBoolean answered = new AtomicBoolean();
    server.registerMBean(new Costly(() -> answered.set(!server.isRegistered(other))), caller);
    server.registerMBean(new Costly(), other);

    assertTrue(server.isRegistered(caller));
    assertTrue(answered.get());
    assertTrue(server.isRegistered(other));
  }

  @Test
  void install_keepsABuilderTheUserNamed() {
    String before = System.getProperty(DeferredMBeans.BUILDER_PROPERTY);
    try {
      System.setProperty(DeferredMBeans.BUILDER_PROPERTY, "javax.management.MBeanServerBuilder");
      DeferredMBeans.install();
      assertEquals("javax.management.MBeanServerBuilder",
          System.getProperty(DeferredMBeans.BUILDER_PROPERTY));
      System.clearProperty(DeferredMBeans.BUILDER_PROPERTY);
      DeferredMBeans.install();
      assertEquals(DeferredMBeans.class.getName(),
          System.getProperty(DeferredMBeans.BUILDER_PROPERTY));
    } finally {
      if (before == null) {
        System.clearProperty(DeferredMBeans.BUILDER_PROPERTY);
      } else {
        System.setProperty(DeferredMBeans.BUILDER_PROPERTY, before);
      }
    }
  }
}
