package dev.tappers.linux;

import dev.tappers.LinkFlag;
import dev.tappers.linux.jna.PrivateSysfs;
import dev.tappers.tck.LinkSettingsView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The TCK's independent view of link settings, from {@code /sys/class/net/<name>/} of a sysfs mounted in the test
 * JVM's namespace ({@link PrivateSysfs}). The flag bits are written out here from {@code <linux/if.h>} rather than
 * taken from the provider, so a wrong constant there shows.
 */
final class SysfsLinkView implements LinkSettingsView {
    /** <linux/if.h>, enum net_device_flags. */
    private static final int IFF_NOARP = 1 << 7;
    private static final int IFF_PROMISC = 1 << 8;
    private static final int IFF_MULTICAST = 1 << 12;

    /** A file of the interface, such as {@code flags}; empty without a private sysfs. */
    static Optional<String> read(String interfaceName, String file) throws IOException {
        Optional<Path> root = PrivateSysfs.root();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path p = root.get().resolve("class/net").resolve(interfaceName).resolve(file);
        return Optional.of(Files.readString(p, StandardCharsets.US_ASCII).trim());
    }

    /** A number in a sysfs file: decimal, or hexadecimal with 0x. */
    static OptionalLong number(String interfaceName, String file) throws IOException {
        Optional<String> text = read(interfaceName, file);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String t = text.get();
        return OptionalLong.of(t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t));
    }

    @Override
    public Optional<Set<LinkFlag>> flags(String interfaceName) throws IOException {
        OptionalLong raw = number(interfaceName, "flags");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        long f = raw.getAsLong();
        Set<LinkFlag> on = EnumSet.noneOf(LinkFlag.class);
        if ((f & IFF_PROMISC) != 0) {
            on.add(LinkFlag.PROMISCUOUS);
        }
        if ((f & IFF_MULTICAST) != 0) {
            on.add(LinkFlag.MULTICAST);
        }
        if ((f & IFF_NOARP) == 0) {
            on.add(LinkFlag.ARP);
        }
        return Optional.of(on);
    }

    @Override
    public OptionalInt txQueueLength(String interfaceName) throws IOException {
        OptionalLong n = number(interfaceName, "tx_queue_len");
        return n.isPresent() ? OptionalInt.of(Math.toIntExact(n.getAsLong())) : OptionalInt.empty();
    }

    @Override
    public OptionalLong owner(String interfaceName) throws IOException {
        return number(interfaceName, "owner");
    }

    @Override
    public OptionalLong group(String interfaceName) throws IOException {
        return number(interfaceName, "group");
    }
}
