package io.pygrpc.descriptor.compiler;

import java.util.List;

/**
 * An {@code option} statement or bracketed option waiting to be interpreted, once the types it
 * may name are known.
 *
 * @param target the options message it sets
 * @param name the option's name parts: {@code java_package}, or {@code (my.ext)} then
 *     {@code field} for {@code (my.ext).field}
 * @param value its value
 */
record PendingOption(OptionTarget target, List<NamePart> name, OptionValue value) {
  /**
   * One part of an option name.
   *
   * @param name the identifier (dotted for an extension)
   * @param extension whether it was written in parentheses
   * @param at where it was written
   */
  record NamePart(String name, boolean extension, Token at) {}
}
