/** The {@code pygrpc} command line: parsing, subcommands and exit codes. */
package io.pygrpc.launcher;
