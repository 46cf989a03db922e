package dev.tappers.bench.raw;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * BENCH-LOCAL RAW DESCRIPTOR PATH, not the library: the provider's devices cannot yet be opened with
 * {@code IFF_VNET_HDR} (issue 5's device integration, after issue 4), so the bulk-offload workload attaches its
 * own descriptor to a TUN the library created and configured (persistent, so it survives the library's close),
 * with the same JNA direct mapping on {@code long} addresses the provider uses on its packet path.
 *
 * <p>What the device API would need instead: an option at create time ({@code withOffload(...)}) that sets
 * IFF_VNET_HDR, TUNSETVNETHDRSZ 10, TUNSETVNETLE and TUNSETOFFLOAD, and a batch receive that hands out
 * super-packets with their header (see /work/notes/readme-offload.md).
 */
public final class RawVnetTun implements AutoCloseable {
    static {
        Native.register(RawVnetTun.class, "c");
    }

    // <asm-generic/fcntl.h>, <linux/if_tun.h> (ioctl numbers: see dev.tappers.linux.offload.TunOffloadAbi)
    private static final int O_RDWR = 0x2;
    private static final int O_CLOEXEC = 0x80000;
    private static final long TUNSETIFF = 0x400454CAL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final short IFF_VNET_HDR = 0x4000;
    private static final int IFREQ_SIZE = 40;
    private static final int IFREQ_FLAGS = 16;

    private static native int open(String path, int flags);

    private static native int ioctl(int fd, long request, long arg);

    private static native long read(int fd, long buf, long count);

    private static native int close(int fd);

    private final int fd;
    private final int offload;

    private RawVnetTun(int fd, int offload) {
        this.fd = fd;
        this.offload = offload;
    }

    /**
     * Attaches to the existing TUN {@code name} with IFF_VNET_HDR, header size 10 and the offloads asked for,
     * falling back to {@code fallbackOffload} when the kernel refuses them (USO needs Linux 6.2).
     */
    public static RawVnetTun attach(String name, long setHeaderSize, long setOffload, int offload, int fallbackOffload)
            throws IOException {
        int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("open /dev/net/tun: errno " + Native.getLastError());
        }
        try (Memory ifr = new Memory(IFREQ_SIZE); Memory size = new Memory(4)) {
            ifr.clear();
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            ifr.write(0, n, 0, n.length);
            ifr.setShort(IFREQ_FLAGS, (short) (IFF_TUN | IFF_NO_PI | IFF_VNET_HDR));
            check(ioctl(fd, TUNSETIFF, Pointer.nativeValue(ifr)), "TUNSETIFF " + name, fd);
            size.setInt(0, 10);
            check(ioctl(fd, setHeaderSize, Pointer.nativeValue(size)), "TUNSETVNETHDRSZ", fd);
            int accepted = offload;
            if (ioctl(fd, setOffload, offload) < 0) {
                accepted = fallbackOffload;
                check(ioctl(fd, setOffload, fallbackOffload), "TUNSETOFFLOAD", fd);
            }
            return new RawVnetTun(fd, accepted);
        }
    }

    private static void check(int result, String what, int fd) throws IOException {
        if (result < 0) {
            int errno = Native.getLastError();
            close(fd);
            throw new IOException(what + ": errno " + errno);
        }
    }

    /** The TUNSETOFFLOAD bits the kernel took. */
    public int offload() {
        return offload;
    }

    /** One blocking read(2) into the direct buffer from index 0; the length, or -errno. */
    public int read(ByteBuffer direct, long address) {
        long n = read(fd, address, direct.capacity());
        return n < 0 ? -Native.getLastError() : (int) n;
    }

    /** The native address of a direct buffer, found once (not per packet). */
    public static long address(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    @Override
    public void close() {
        close(fd);
    }
}
