/**
 * Guest bindings: the polyglot engine and contexts, the host access policy, and the objects the
 * {@code pygrpc} Python package reaches through its bridge.
 */
package io.pygrpc.guest;
