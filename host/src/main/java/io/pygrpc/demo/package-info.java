/**
 * The built-in demo server, beside the layers: used by the README's first command and the tests.
 */
package io.pygrpc.demo;
