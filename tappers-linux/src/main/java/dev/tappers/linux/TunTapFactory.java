package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;

import java.io.IOException;
import java.util.Objects;

import static dev.tappers.linux.jna.LinuxConstants.*;

/** Creates and opens TUN/TAP devices: the TUNSETIFF dance and the cleanup when a step fails. */
final class TunTapFactory {
    enum Kind {
        TUN("tun", IFF_TUN), TAP("tap", IFF_TAP);

        final String word;
        final short flag;

        Kind(String word, short flag) {
            this.word = word;
            this.flag = flag;
        }
    }

    private TunTapFactory() {
    }

    static LinuxPacketDevice create(Kind kind, DeviceOptions options) throws IOException {
        return create(kind, options, (short) 0, "");
    }

    /**
     * The first queue of a multi-queue device: created as {@link #create} does, with IFF_MULTI_QUEUE, and never
     * persistent yet (the caller makes it so once every queue is attached, so a failure removes the device).
     */
    static LinuxPacketDevice createFirstQueue(Kind kind, DeviceOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return create(kind, options.withPersistent(false), IFF_MULTI_QUEUE, " multi-queue");
    }

    /** Attaches one more queue to the multi-queue device {@code name}, which must exist and be of this kind. */
    static LinuxPacketDevice attachQueue(Kind kind, InterfaceName name, boolean nonBlocking, int queue)
            throws IOException {
        Objects.requireNonNull(name, "name");
        return attach(kind, name.value(), (short) (kind.flag | IFF_NO_PI | IFF_MULTI_QUEUE), true, false, nonBlocking,
                "attach queue " + queue + " to multi-queue " + kind);
    }

    private static LinuxPacketDevice create(Kind kind, DeviceOptions options, short extraFlags, String what)
            throws IOException {
        Objects.requireNonNull(options, "options");
        // "tun%d" asks the kernel for the first free tunN. A given name is created exclusively (IFF_TUN_EXCL):
        // without it TUNSETIFF would quietly attach to a persistent device that happens to have the name.
        String requested = options.name().map(InterfaceName::value).orElse(kind.word + "%d");
        boolean offload = !options.offload().isEmpty();
        if (offload && (kind != Kind.TUN || extraFlags != 0)) {
            throw new IllegalArgumentException("create" + what + " " + kind + ": offload is offered on single-queue "
                    + "TUN devices only (DeviceOptions.withOffload)");
        }
        short flags = (short) (kind.flag | IFF_NO_PI | extraFlags | (options.name().isPresent() ? IFF_TUN_EXCL : 0)
                | (offload ? IFF_VNET_HDR : 0));
        String operation = "create" + what + " " + kind + (options.name().isPresent() ? "" : " (kernel-picked name)");
        return attach(kind, requested, flags, true, options.persistent(), options.nonBlocking(), operation,
                options.offload());
    }

    static LinuxPacketDevice open(Kind kind, InterfaceName name) throws IOException {
        Objects.requireNonNull(name, "name");
        // TUNSETIFF creates what does not exist, so look first: opening must never create.
        try {
            Syscalls.interfaceIndex(name.value());
        } catch (SyscallException e) {
            if (e.errno() == ENODEV) {
                throw new NoSuchDeviceException("open " + kind, name.value(), e.errno(), "ENODEV",
                        Syscalls.strerror(e.errno()), "no interface by that name in this network namespace");
            }
            throw LinuxErrors.device("open " + kind, name.value(), e.errno(), null);
        }
        // No IFF_TUN_EXCL here: that flag made the Rust crate unable to open an existing TAP.
        short flags = (short) (kind.flag | IFF_NO_PI);
        try {
            return attach(kind, name.value(), flags, false, false, false, "open " + kind);
        } catch (TappersException e) {
            if (e.errno() != EINVAL) {
                throw e;
            }
            // A multi-queue device (a persistent one left by MultiQueues) takes only descriptors that ask for
            // IFF_MULTI_QUEUE too, and refuses the rest with EINVAL; open it as one queue. If that fails as well,
            // the device is of the other kind, and the first error says so.
            try {
                return attach(kind, name.value(), (short) (flags | IFF_MULTI_QUEUE), false, false, false,
                        "open " + kind + " as one queue of a multi-queue device");
            } catch (TappersException again) {
                e.addSuppressed(again);
                throw e;
            }
        }
    }

    private static LinuxPacketDevice attach(Kind kind, String requested, short flags, boolean creating,
                                            boolean persistent, boolean nonBlocking, String operation)
            throws IOException {
        return attach(kind, requested, flags, creating, persistent, nonBlocking, operation, java.util.Set.of());
    }

    /** @param offload the offloads asked for; non-empty only with IFF_VNET_HDR in {@code flags} */
    private static LinuxPacketDevice attach(Kind kind, String requested, short flags, boolean creating,
                                            boolean persistent, boolean nonBlocking, String operation,
                                            java.util.Set<dev.tappers.Offload> offload) throws IOException {
        String shown = requested.contains("%") ? null : requested;
        int fd;
        try {
            fd = Syscalls.openTunControl();
        } catch (SyscallException e) {
            throw LinuxErrors.device(operation + " [" + e.syscall() + "]", shown, e.errno(),
                    e.errno() == ENOENT ? "/dev/net/tun is missing: load the tun module (modprobe tun)" : null);
        }
        int wakeFd = -1;
        boolean madePersistent = false;
        boolean done = false;
        try {
            String actual = Syscalls.tunSetIff(fd, requested, flags);
            if (persistent) {
                Syscalls.tunSetPersist(fd, true);
                madePersistent = true;
            }
            int index = Syscalls.interfaceIndex(actual);
            wakeFd = PacketIo.newWakeFd();
            InterfaceName name = InterfaceName.of(actual);
            HomeNamespace home = HomeNamespace.ofCurrentThread();
            VnetPath vnet = null;
            if ((flags & IFF_VNET_HDR) != 0) {
                if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN) {
                    Syscalls.tunSetVnetLittleEndian(fd); // the header codec is little-endian (virtio 1.0)
                }
                vnet = new VnetPath(OffloadNegotiation.negotiate(fd, offload), name::value);
            }
            LinuxPacketDevice device = kind == Kind.TUN
                    ? new LinuxTun(name, index, home, creating, fd, wakeFd, nonBlocking, vnet)
                    : new LinuxTap(name, index, home, creating, fd, wakeFd, nonBlocking);
            done = true;
            return device;
        } catch (SyscallException e) {
            throw LinuxErrors.device(operation + " [" + e.syscall() + "]", shown, e.errno(), hintFor(kind, creating, e.errno()));
        } finally {
            if (!done) {
                // Whatever failed (a syscall, or an error such as running out of direct memory for the buffers),
                // undo: closing the descriptor also removes a half-made device, once it is no longer persistent.
                if (madePersistent) {
                    try {
                        Syscalls.tunSetPersist(fd, false);
                    } catch (SyscallException ignored) {
                        // The original failure is the one to report.
                    }
                }
                Syscalls.closeQuietly(fd);
                if (wakeFd >= 0) {
                    Syscalls.closeQuietly(wakeFd);
                }
            }
        }
    }

    private static String hintFor(Kind kind, boolean creating, int errno) {
        switch (errno) {
            case EBUSY:
                return creating ? "an interface with this name exists already"
                        : "the device is held by another process and is not multi-queue";
            case EINVAL:
                return creating ? "an interface with this name exists and is not a " + kind
                        : "the interface exists but is not a " + kind + " device (or its queue mode differs)";
            case EPERM:
                return creating
                        ? "creating a " + kind + " needs CAP_NET_ADMIN (run as root, or grant the capability)"
                        : "attaching to a " + kind + " needs CAP_NET_ADMIN, unless the device was given to this user "
                        + "or group (setOwner/setGroup); it may belong to another";
            default:
                return null;
        }
    }
}
