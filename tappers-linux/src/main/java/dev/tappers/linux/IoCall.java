package dev.tappers.linux;

import java.io.IOException;

/** A configuration step that may fail with an I/O error (a syscall or netlink error). */
@FunctionalInterface
interface IoCall<T> {
    T call() throws IOException;
}
