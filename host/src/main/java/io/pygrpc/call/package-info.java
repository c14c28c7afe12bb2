/**
 * Calls: channels and the call shapes over grpc-java with dynamic messages. Knows nothing of
 * guest languages.
 */
package io.pygrpc.call;
