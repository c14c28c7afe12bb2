/**
 * Helpers shared by the layers of pygrpc. Not API: its contents can be changed or removed at any
 * time.
 */
package io.pygrpc.internal;
