package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * Test support for a child JVM started without setpriv: drops every capability, bounding set included, from
 * the calling thread. Linux keeps capabilities per thread, so JVM threads started earlier keep theirs; the
 * child does all its work on the thread that called this.
 */
public final class ProcessCapabilities {
    /** <linux/prctl.h> */
    private static final int PR_CAPBSET_DROP = 24;
    /** <linux/capability.h>: the sets have 64 bits in version 3; CAP_LAST_CAP is 40 on Linux 6.x. */
    private static final int CAPABILITY_BITS = 64;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    private static final int EINVAL = LinuxConstants.EINVAL;

    interface Prctl extends Library {
        Prctl INSTANCE = Native.load("c", Prctl.class);

        int prctl(int option, Object... args) throws LastErrorException;

        int capset(Memory header, Memory data) throws LastErrorException;
    }

    private ProcessCapabilities() {
    }

    /** Empties the bounding set (needs CAP_SETPCAP, so first), then the effective, permitted and inheritable sets. */
    public static void dropAll() {
        for (int cap = 0; cap < CAPABILITY_BITS; cap++) {
            try {
                Prctl.INSTANCE.prctl(PR_CAPBSET_DROP, (long) cap, 0L, 0L, 0L);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINVAL) { // EINVAL: no such capability on this kernel
                    throw e;
                }
            }
        }
        // struct __user_cap_header_struct { u32 version; int pid; } and two zeroed __user_cap_data_struct.
        try (Memory header = new Memory(8); Memory data = new Memory(24)) {
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0);
            data.clear();
            Prctl.INSTANCE.capset(header, data);
        }
    }
}
