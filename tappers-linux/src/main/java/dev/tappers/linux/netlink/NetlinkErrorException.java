package dev.tappers.linux.netlink;

import dev.tappers.OsFamily;
import dev.tappers.posix.Errno;

import java.io.IOException;

/**
 * The kernel refused an rtnetlink request: it answered with NLMSG_ERROR carrying {@code -errno}. The provider
 * maps {@link #errno()} to the public exception types; this class only keeps the facts.
 */
public final class NetlinkErrorException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final int requestType;

    /**
     * @param errno       the positive errno, as the kernel's {@code -error}
     * @param requestType the message type of the refused request, such as {@link NetlinkConstants#RTM_NEWADDR}
     */
    public NetlinkErrorException(int errno, int requestType) {
        super(NetlinkConstants.messageTypeName(requestType) + " refused by the kernel: "
                + Errno.name(OsFamily.LINUX, errno) + " (errno " + errno + ")");
        if (errno <= 0) {
            throw new IllegalArgumentException("netlink error: errno must be positive, got " + errno);
        }
        this.errno = errno;
        this.requestType = requestType;
    }

    /** The positive errno, such as 17 for EEXIST. */
    public int errno() {
        return errno;
    }

    /** The message type of the request the kernel refused, such as {@link NetlinkConstants#RTM_NEWADDR}. */
    public int requestType() {
        return requestType;
    }
}
