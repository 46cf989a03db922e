package dev.tappers.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.tappers.linux.netlink.NetlinkConstants.NLA_HDRLEN;
import static dev.tappers.linux.netlink.NetlinkConstants.align;

/**
 * The attributes of one message or one nested attribute, in order. Every length was checked when they were
 * parsed: each attribute's header fits, its length is at least 4 and does not run past the region, and nothing
 * but padding follows the last one.
 */
public final class NetlinkAttributes {
    private final List<NetlinkAttribute> attributes;

    private NetlinkAttributes(List<NetlinkAttribute> attributes) {
        this.attributes = attributes;
    }

    /**
     * Parses the attributes in {@code region} (position to limit).
     *
     * @param where names the message or attribute that holds them, for error messages
     */
    static NetlinkAttributes parse(ByteBuffer region, String where) throws MalformedNetlinkException {
        ByteBuffer r = region.slice().order(ByteOrder.nativeOrder());
        int end = r.limit();
        List<NetlinkAttribute> list = new ArrayList<>();
        int offset = 0;
        while (offset < end) {
            int remaining = end - offset;
            if (remaining < NLA_HDRLEN) {
                throw new MalformedNetlinkException(where + ": " + remaining + " stray bytes at attribute offset "
                        + offset + ", too few for a " + NLA_HDRLEN + "-byte attribute header");
            }
            int length = r.getShort(offset) & 0xFFFF;
            int rawType = r.getShort(offset + 2) & 0xFFFF;
            if (length < NLA_HDRLEN || length > remaining) {
                throw new MalformedNetlinkException(where + ": attribute type " + (rawType & NetlinkConstants.NLA_TYPE_MASK)
                        + " at offset " + offset + " declares length " + length + "; it must be " + NLA_HDRLEN
                        + "-" + remaining + " (the bytes left)");
            }
            ByteBuffer payload = r.slice(offset + NLA_HDRLEN, length - NLA_HDRLEN).asReadOnlyBuffer()
                    .order(ByteOrder.nativeOrder());
            list.add(new NetlinkAttribute(rawType, payload, where));
            // length >= 4, so the loop always moves forward.
            offset += Math.min(align(length), remaining);
        }
        return new NetlinkAttributes(Collections.unmodifiableList(list));
    }

    /** All attributes, in the order they came. */
    public List<NetlinkAttribute> all() {
        return attributes;
    }

    /** The first attribute of {@code type} (flag bits ignored), if any. */
    public Optional<NetlinkAttribute> find(int type) {
        for (NetlinkAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean has(int type) {
        return find(type).isPresent();
    }

    public int size() {
        return attributes.size();
    }
}
