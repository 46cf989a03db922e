package dev.tappers.linux;

import dev.tappers.Offload;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.jna.SyscallException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.tappers.linux.jna.LinuxConstants.EINVAL;

/**
 * Finds out which of the offloads asked for the kernel grants, by asking (TUNSETOFFLOAD) for less and less:
 * a kernel that does not know a bit refuses the whole mask with EINVAL (USO before Linux 6.2, for instance).
 * What is left when even checksum offload is refused is plain packets behind a GSO_NONE header, which works on
 * every kernel with IFF_VNET_HDR.
 */
final class OffloadNegotiation {
    /** What to give up first, in order: the newest and least needed offloads. */
    private static final List<Set<Offload>> GIVE_UP = List.of(
            EnumSet.of(Offload.USO4, Offload.USO6),
            EnumSet.of(Offload.TSO_ECN),
            EnumSet.of(Offload.TSO6),
            EnumSet.allOf(Offload.class));

    private OffloadNegotiation() {
    }

    /** Sets the largest subset of {@code wanted} the kernel takes on {@code fd}, and returns it. */
    static Set<Offload> negotiate(int fd, Set<Offload> wanted) throws SyscallException {
        Set<Offload> trying = wanted.isEmpty() ? EnumSet.noneOf(Offload.class) : EnumSet.copyOf(wanted);
        for (int step = 0; ; step++) {
            try {
                Syscalls.tunSetOffload(fd, VnetPath.mask(trying));
                return trying;
            } catch (SyscallException e) {
                if (e.errno() != EINVAL || trying.isEmpty()) {
                    throw e;
                }
                if (step < GIVE_UP.size()) {
                    trying.removeAll(GIVE_UP.get(step));
                } else {
                    trying.clear();
                }
            }
        }
    }
}
