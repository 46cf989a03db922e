package dev.tappers.posix;

import java.util.Objects;

/**
 * How each system packs {@code _IO/_IOR/_IOW/_IOWR(group, number, type)} into a 32-bit ioctl request number.
 *
 * <p>Every request number in the providers is computed here from the (direction, group, number, struct size)
 * its header gives, so a wrong struct size shows up as a test failure against the value PLATFORMS.md prints,
 * instead of being copied in as an opaque hex literal.
 *
 * <p>The result is the 32-bit value zero-extended into a {@code long}: 64-bit BSD and macOS declare
 * {@code ioctl(int, unsigned long, ...)}, so 0xC0644E03 must reach the kernel as 0x00000000C0644E03, never
 * sign-extended. Solaris and AIX declare an {@code int} request: pass {@link #asCInt(long)} there.
 */
public enum IoctlEncoding {

    /**
     * macOS, FreeBSD, OpenBSD, NetBSD, DragonFly: {@code dir | ((len & IOCPARM_MASK) << 16) | (group << 8) | num}
     * with IOC_VOID 0x20000000, IOC_OUT 0x40000000, IOC_IN 0x80000000, IOC_INOUT 0xC0000000 and IOCPARM_MASK
     * 0x1fff (13 bits). Source: xnu {@code bsd/sys/ioccom.h}; FreeBSD, OpenBSD, NetBSD and DragonFly
     * {@code sys/sys/ioccom.h} define the same bits.
     */
    BSD(0x2000_0000L, 0x4000_0000L, 0x8000_0000L, 0x1fff),

    /**
     * Solaris and illumos: the BSD layout, but IOCPARM_MASK is 0xff, so only the low 8 bits of the size survive
     * (the 376-byte lifreq encodes as 0x78). Source: illumos-gate {@code usr/src/uts/common/sys/ioccom.h}.
     */
    SOLARIS(0x2000_0000L, 0x4000_0000L, 0x8000_0000L, 0xff),

    /**
     * AIX: the 4.3BSD layout with IOCPARM_MASK 0x7f ("parameters must be &lt; 128 bytes"). Source: AIX
     * {@code /usr/include/sys/ioctl.h}; the results agree with golang/sys {@code unix/zerrors_aix_ppc64.go}
     * (SIOCSIFFLAGS 0x80286910 for the 40-byte ifreq).
     */
    AIX(0x2000_0000L, 0x4000_0000L, 0x8000_0000L, 0x7f),

    /**
     * Linux asm-generic (x86, x86_64, arm, arm64, riscv, s390): {@code (dir << 30) | (size << 16) | (type << 8) | nr}
     * with _IOC_NONE 0, _IOC_WRITE 1, _IOC_READ 2 and a 14-bit size. Note that _IOW sets bit 30 here, where BSD's
     * IOC_IN sets bit 31. Source: Linux {@code include/uapi/asm-generic/ioctl.h}. mips, powerpc, sparc and alpha
     * use other direction bits and are not covered.
     */
    LINUX_GENERIC(0L, 0x8000_0000L, 0x4000_0000L, 0x3fff);

    private final long voidBit;
    private final long outBit;
    private final long inBit;
    private final int sizeMask;

    IoctlEncoding(long voidBit, long outBit, long inBit, int sizeMask) {
        this.voidBit = voidBit;
        this.outBit = outBit;
        this.inBit = inBit;
        this.sizeMask = sizeMask;
    }

    /** The largest size this system encodes unchanged; larger sizes keep only their low bits, as in C. */
    public int sizeMask() {
        return sizeMask;
    }

    /**
     * The request number for {@code direction}, {@code group} (the macro's character, such as 'i'),
     * {@code number} (0-255) and the argument's size in bytes (ignored for {@link IoctlDirection#NONE}).
     *
     * @throws IllegalArgumentException if group or number is outside 0-255, or size is negative
     */
    public long encode(IoctlDirection direction, char group, int number, int size) {
        Objects.requireNonNull(direction, "direction");
        if (group > 0xff) {
            throw new IllegalArgumentException("encode ioctl: group '" + group + "' is outside 0-255");
        }
        if (number < 0 || number > 0xff) {
            throw new IllegalArgumentException("encode ioctl: number " + number + " is outside 0-255");
        }
        if (size < 0) {
            throw new IllegalArgumentException("encode ioctl: size " + size + " is negative");
        }
        long dirBits;
        long length = size & sizeMask;
        switch (direction) {
            case NONE:
                dirBits = voidBit;
                length = 0;
                break;
            case READ:
                dirBits = outBit;
                break;
            case WRITE:
                dirBits = inBit;
                break;
            case READ_WRITE:
                dirBits = inBit | outBit;
                break;
            default:
                throw new AssertionError(direction);
        }
        return (dirBits | (length << 16) | ((long) group << 8) | number) & 0xFFFF_FFFFL;
    }

    /** {@code _IO(group, number)}. */
    public long io(char group, int number) {
        return encode(IoctlDirection.NONE, group, number, 0);
    }

    /** {@code _IOR(group, number, type)} where {@code size} is sizeof(type). */
    public long ior(char group, int number, int size) {
        return encode(IoctlDirection.READ, group, number, size);
    }

    /** {@code _IOW(group, number, type)} where {@code size} is sizeof(type). */
    public long iow(char group, int number, int size) {
        return encode(IoctlDirection.WRITE, group, number, size);
    }

    /** {@code _IOWR(group, number, type)} where {@code size} is sizeof(type). */
    public long iowr(char group, int number, int size) {
        return encode(IoctlDirection.READ_WRITE, group, number, size);
    }

    /**
     * The request as the C {@code int} that Solaris and AIX declare: the same 32 bits, so values above
     * 0x7FFFFFFF become negative (golang/sys prints them that way).
     */
    public static int asCInt(long request) {
        if (request < 0 || request > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ioctl request as int: 0x" + Long.toHexString(request)
                    + " is not a 32-bit request number");
        }
        return (int) request;
    }

    /** The request number as {@code 0x} and eight hex digits, as headers and PLATFORMS.md print it. */
    public static String hex(long request) {
        return String.format("0x%08X", request);
    }
}
