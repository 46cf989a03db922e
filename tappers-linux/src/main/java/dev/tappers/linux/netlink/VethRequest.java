package dev.tappers.linux.netlink;

import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a new veth pair should look like: the two names (either may be left to the kernel, which picks
 * "vethN"), an MTU for both ends, a MAC for each end, and a network namespace (an open fd of
 * {@code /proc/PID/ns/net} or {@code /run/netns/NAME}) for the peer. Immutable; every check happens here.
 */
public final class VethRequest {
    private final InterfaceName name;
    private final InterfaceName peerName;
    private final int mtu;
    private final MacAddress mac;
    private final MacAddress peerMac;
    private final int peerNamespaceFd;

    private VethRequest(InterfaceName name, InterfaceName peerName, int mtu, MacAddress mac, MacAddress peerMac,
                        int peerNamespaceFd) {
        this.name = name;
        this.peerName = peerName;
        this.mtu = mtu;
        this.mac = mac;
        this.peerMac = peerMac;
        this.peerNamespaceFd = peerNamespaceFd;
    }

    /**
     * A pair named {@code name} and {@code peerName}; pass {@code null} for either to let the kernel pick.
     *
     * @throws IllegalArgumentException when both names are given and equal
     */
    public static VethRequest of(InterfaceName name, InterfaceName peerName) {
        if (name != null && name.equals(peerName)) {
            throw new IllegalArgumentException("create veth pair: peer name \"" + peerName
                    + "\" is the same as the first end's name");
        }
        return new VethRequest(name, peerName, 0, null, null, -1);
    }

    /** The same pair with {@code mtu} on both ends (a pair whose ends disagree drops the larger frames). */
    public VethRequest withMtu(int mtu) {
        if (mtu <= 0) {
            throw new IllegalArgumentException("create veth pair: mtu " + mtu + " is not positive");
        }
        return new VethRequest(name, peerName, mtu, mac, peerMac, peerNamespaceFd);
    }

    public VethRequest withMac(MacAddress mac) {
        Objects.requireNonNull(mac, "veth mac address");
        return new VethRequest(name, peerName, mtu, mac, peerMac, peerNamespaceFd);
    }

    public VethRequest withPeerMac(MacAddress peerMac) {
        Objects.requireNonNull(peerMac, "veth peer mac address");
        return new VethRequest(name, peerName, mtu, mac, peerMac, peerNamespaceFd);
    }

    /** The same pair with the peer created directly in the namespace that {@code namespaceFd} refers to. */
    public VethRequest withPeerNamespace(int namespaceFd) {
        if (namespaceFd < 0) {
            throw new IllegalArgumentException("create veth pair: namespace fd " + namespaceFd + " is negative");
        }
        return new VethRequest(name, peerName, mtu, mac, peerMac, namespaceFd);
    }

    public Optional<InterfaceName> name() {
        return Optional.ofNullable(name);
    }

    public Optional<InterfaceName> peerName() {
        return Optional.ofNullable(peerName);
    }

    public OptionalInt mtu() {
        return mtu > 0 ? OptionalInt.of(mtu) : OptionalInt.empty();
    }

    public Optional<MacAddress> mac() {
        return Optional.ofNullable(mac);
    }

    public Optional<MacAddress> peerMac() {
        return Optional.ofNullable(peerMac);
    }

    public OptionalInt peerNamespaceFd() {
        return peerNamespaceFd >= 0 ? OptionalInt.of(peerNamespaceFd) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "veth " + (name != null ? name : "(kernel picks)") + " <-> " + (peerName != null ? peerName : "(kernel picks)")
                + (mtu > 0 ? " mtu " + mtu : "") + (mac != null ? " mac " + mac : "")
                + (peerMac != null ? " peer mac " + peerMac : "")
                + (peerNamespaceFd >= 0 ? " peer in netns fd " + peerNamespaceFd : "");
    }
}
