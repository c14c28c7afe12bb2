/**
 * Values: script values to protobuf messages and back. The conversion rules work on
 * {@link io.pygrpc.convert.InputValue}; {@link io.pygrpc.convert.PolyglotInput} is the one
 * adapter from guest values, so the rules are testable from plain Java.
 */
package io.pygrpc.convert;
