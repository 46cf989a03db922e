package dev.tappers;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How to create a {@link Veth} pair. Immutable; each {@code with} method returns a new value. */
public final class VethOptions {
    private static final VethOptions DEFAULTS = new VethOptions(null, null, null, null, null, null);

    private final InterfaceName name;
    private final InterfaceName peerName;
    private final MacAddress mac;
    private final MacAddress peerMac;
    private final Integer mtu;
    private final NetworkNamespace peerNamespace;

    private VethOptions(InterfaceName name, InterfaceName peerName, MacAddress mac, MacAddress peerMac, Integer mtu,
                        NetworkNamespace peerNamespace) {
        this.name = name;
        this.peerName = peerName;
        this.mac = mac;
        this.peerMac = peerMac;
        this.mtu = mtu;
        this.peerNamespace = peerNamespace;
    }

    /** Kernel-picked names, kernel-picked addresses, the default MTU, both ends here. */
    public static VethOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Both names given.
     *
     * @throws IllegalArgumentException when the names are equal
     */
    public static VethOptions named(String name, String peerName) {
        return DEFAULTS.withName(InterfaceName.of(name)).withPeerName(InterfaceName.of(peerName));
    }

    public VethOptions withName(InterfaceName name) {
        Objects.requireNonNull(name, "name");
        checkDistinct(name, peerName);
        return new VethOptions(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    public VethOptions withPeerName(InterfaceName peerName) {
        Objects.requireNonNull(peerName, "peer name");
        checkDistinct(name, peerName);
        return new VethOptions(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    public VethOptions withMac(MacAddress mac) {
        return new VethOptions(name, peerName, unicast("mac", mac), peerMac, mtu, peerNamespace);
    }

    public VethOptions withPeerMac(MacAddress peerMac) {
        return new VethOptions(name, peerName, mac, unicast("peer mac", peerMac), mtu, peerNamespace);
    }

    /** The MTU of both ends. */
    public VethOptions withMtu(int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("veth mtu " + mtu + " is out of range 68-65535");
        }
        return new VethOptions(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    /** Creates the peer directly inside {@code namespace}. */
    public VethOptions withPeerNamespace(NetworkNamespace namespace) {
        return new VethOptions(name, peerName, mac, peerMac, mtu, Objects.requireNonNull(namespace, "peer namespace"));
    }

    private static void checkDistinct(InterfaceName a, InterfaceName b) {
        if (a != null && a.equals(b)) {
            throw new IllegalArgumentException("veth peer name \"" + b + "\" equals the first end's name");
        }
    }

    private static MacAddress unicast(String what, MacAddress m) {
        Objects.requireNonNull(m, what);
        if (m.isMulticast()) {
            throw new IllegalArgumentException("veth " + what + " " + m + " is a group (multicast) address");
        }
        return m;
    }

    public Optional<InterfaceName> name() {
        return Optional.ofNullable(name);
    }

    public Optional<InterfaceName> peerName() {
        return Optional.ofNullable(peerName);
    }

    public Optional<MacAddress> mac() {
        return Optional.ofNullable(mac);
    }

    public Optional<MacAddress> peerMac() {
        return Optional.ofNullable(peerMac);
    }

    public OptionalInt mtu() {
        return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    public Optional<NetworkNamespace> peerNamespace() {
        return Optional.ofNullable(peerNamespace);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VethOptions)) {
            return false;
        }
        VethOptions v = (VethOptions) o;
        return Objects.equals(v.name, name) && Objects.equals(v.peerName, peerName) && Objects.equals(v.mac, mac)
                && Objects.equals(v.peerMac, peerMac) && Objects.equals(v.mtu, mtu)
                && Objects.equals(v.peerNamespace, peerNamespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    @Override
    public String toString() {
        return "VethOptions[name=" + (name == null ? "(kernel picks)" : name) + ", peer="
                + (peerName == null ? "(kernel picks)" : peerName) + (mac != null ? ", mac=" + mac : "")
                + (peerMac != null ? ", peerMac=" + peerMac : "") + (mtu != null ? ", mtu=" + mtu : "")
                + (peerNamespace != null ? ", peerNamespace=" + peerNamespace : "") + "]";
    }
}
