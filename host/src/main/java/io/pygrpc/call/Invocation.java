package io.pygrpc.call;

/**
 * What starting a call gives: a finished {@link Reply} (unary, client streaming) or a
 * {@link StreamingCall} to take responses from (server streaming, bidi).
 *
 * @since 0.3.0
 */
public sealed interface Invocation permits Reply, StreamingCall {}
