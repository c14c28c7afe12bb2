package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;

/**
 * The response of a call that has one, with the metadata around it.
 *
 * @param message the response
 * @param headers the response headers (initial metadata)
 * @param trailers the trailing metadata
 * @since 0.3.0
 */
public record Reply(DynamicMessage message, Metadata headers, Metadata trailers)
    implements Invocation {}
