package dev.tappers;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to create a {@link Veth} pair. Immutable; each {@code with} method returns a new value.
 *
 * <pre>{@code
 * VethOptions options = VethOptions.named("veth-a", "veth-b")
 *         .withMtu(1400)
 *         .withPeerMac(MacAddress.parse("02:00:00:00:00:02"));
 * }</pre>
 */
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

    /**
     * Kernel-picked names, kernel-picked addresses, the default MTU, both ends here.
     *
     * @return the defaults
     */
    public static VethOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Both names given.
     *
     * @param name     the first end's name
     * @param peerName the peer's name
     * @return the defaults with both names set
     * @throws IllegalArgumentException when the names are equal or not valid interface names
     */
    public static VethOptions named(String name, String peerName) {
        return DEFAULTS.withName(InterfaceName.of(name)).withPeerName(InterfaceName.of(peerName));
    }

    /**
     * The first end's name.
     *
     * @param name the name
     * @return options with that name
     * @throws IllegalArgumentException when it equals the peer's name
     */
    public VethOptions withName(InterfaceName name) {
        Objects.requireNonNull(name, "name");
        checkDistinct(name, peerName);
        return new VethOptions(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    /**
     * The peer's name.
     *
     * @param peerName the name
     * @return options with that peer name
     * @throws IllegalArgumentException when it equals the first end's name
     */
    public VethOptions withPeerName(InterfaceName peerName) {
        Objects.requireNonNull(peerName, "peer name");
        checkDistinct(name, peerName);
        return new VethOptions(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    /**
     * The first end's MAC address.
     *
     * @param mac a unicast address
     * @return options with that address
     * @throws IllegalArgumentException for a group (multicast) address
     */
    public VethOptions withMac(MacAddress mac) {
        return new VethOptions(name, peerName, unicast("mac", mac), peerMac, mtu, peerNamespace);
    }

    /**
     * The peer's MAC address.
     *
     * @param peerMac a unicast address
     * @return options with that address
     * @throws IllegalArgumentException for a group (multicast) address
     */
    public VethOptions withPeerMac(MacAddress peerMac) {
        return new VethOptions(name, peerName, mac, unicast("peer mac", peerMac), mtu, peerNamespace);
    }

    /**
     * The MTU of both ends.
     *
     * @param mtu bytes, 68 to 65535
     * @return options with that MTU
     * @throws IllegalArgumentException outside 68-65535
     */
    public VethOptions withMtu(int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("veth mtu " + mtu + " is out of range 68-65535");
        }
        return new VethOptions(name, peerName, mac, peerMac, mtu, peerNamespace);
    }

    /**
     * Creates the peer directly inside {@code namespace}.
     *
     * @param namespace where the peer is created
     * @return options with that namespace
     */
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

    /**
     * The first end's name.
     *
     * @return the name, or empty when the kernel picks it
     */
    public Optional<InterfaceName> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The peer's name.
     *
     * @return the name, or empty when the kernel picks it
     */
    public Optional<InterfaceName> peerName() {
        return Optional.ofNullable(peerName);
    }

    /**
     * The first end's MAC address.
     *
     * @return the address, or empty when the kernel picks it
     */
    public Optional<MacAddress> mac() {
        return Optional.ofNullable(mac);
    }

    /**
     * The peer's MAC address.
     *
     * @return the address, or empty when the kernel picks it
     */
    public Optional<MacAddress> peerMac() {
        return Optional.ofNullable(peerMac);
    }

    /**
     * The MTU of both ends.
     *
     * @return the MTU, or empty for the kernel's default
     */
    public OptionalInt mtu() {
        return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /**
     * Where the peer is created.
     *
     * @return the namespace, or empty for the caller's
     */
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
