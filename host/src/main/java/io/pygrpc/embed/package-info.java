/**
 * Embedding pygrpc in a JVM application: run user scripts (Python or JavaScript) that call gRPC,
 * as hooks the application calls, in a sandbox the application controls.
 *
 * <pre>{@code
 * try (PygrpcRuntime runtime = PygrpcRuntime.create();
 *      HookPool hooks = runtime.hooks(GuestLanguage.PYTHON, Path.of("hooks/orders.py"))
 *          .sandbox(Sandbox.builder().readRoots(Path.of("hooks")).timeLimit(Duration.ofSeconds(5))
 *              .build())
 *          .channel("inventory", inventoryChannel)   // the app's channel: its TLS, its auth
 *          .size(4)
 *          .build()) {
 *   Object result = hooks.call("on_order", Map.of("id", 42, "items", List.of("a", "b")));
 * }
 * }</pre>
 */
package io.pygrpc.embed;
