/**
 * pygrpc: call gRPC services from Python and JavaScript scripts on the JVM.
 *
 * <p>The root package holds the types every layer shares: the two kinds of failure,
 * {@link io.pygrpc.PygrpcException} (a mistake in the script or its schema) and
 * {@link io.pygrpc.RpcException} (a call that ended with a non-OK status).
 */
package io.pygrpc;
