package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Override
    public MBeanInfo getMBeanInfo() {
      described.incrementAndGet();
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
