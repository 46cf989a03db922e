package dev.tappers.linux;

import dev.tappers.LinkFlag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static dev.tappers.linux.jna.LinuxConstants.IFF_MULTICAST;
import static dev.tappers.linux.jna.LinuxConstants.IFF_NOARP;
import static dev.tappers.linux.jna.LinuxConstants.IFF_PROMISC;

/**
 * {@link LinkFlag}s in the interface flags word (SIOCGIFFLAGS/SIOCSIFFLAGS). ARP is the odd one: the kernel keeps
 * its negation, IFF_NOARP, so "ARP on" means that bit is clear.
 */
final class LinkFlagBits {
    private LinkFlagBits() {
    }

    /** The bit that holds {@code flag}. */
    static int bit(LinkFlag flag) {
        switch (Objects.requireNonNull(flag, "flag")) {
            case PROMISCUOUS: return IFF_PROMISC;
            case MULTICAST: return IFF_MULTICAST;
            case ARP: return IFF_NOARP;
            default: throw new AssertionError("unmapped link flag " + flag);
        }
    }

    /** Whether the bit of {@code flag} must be set for the flag to be {@code on}. */
    static boolean bitSetFor(LinkFlag flag, boolean on) {
        return flag == LinkFlag.ARP ? !on : on;
    }

    /** The flags that are on in {@code iff}, an interface flags word. */
    static Set<LinkFlag> fromIff(int iff) {
        EnumSet<LinkFlag> on = EnumSet.noneOf(LinkFlag.class);
        for (LinkFlag f : LinkFlag.values()) {
            if (((iff & bit(f)) != 0) == bitSetFor(f, true)) {
                on.add(f);
            }
        }
        return Collections.unmodifiableSet(on);
    }
}
