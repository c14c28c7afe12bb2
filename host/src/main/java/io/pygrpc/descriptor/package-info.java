/**
 * Schema: where descriptors come from ({@code _pb2.py} modules today) and how method names
 * resolve. Knows nothing of calls, values or guest languages.
 */
package io.pygrpc.descriptor;
