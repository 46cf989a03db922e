package dev.tappers.tck;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the system (not the provider's device object) says about its interfaces: the witness the conformance
 * tests check a provider against. {@link KernelTestNetwork}'s reads {@link java.net.NetworkInterface} and
 * {@code /proc/net/dev}.
 */
public interface InterfaceOracle {

    /**
     * The interface, if this view can see it. The JDK on Linux lists only interfaces with an address, so a kernel
     * oracle may not see a fresh device until it has one.
     */
    Optional<InterfaceView> find(String name);

    /** True when the system has an interface by this name, whether or not {@link #find} can see it. */
    boolean exists(String name);

    /**
     * The names of every interface the system has, the invisible ones included; empty when the platform gives no
     * such list (the tests then leave that check out).
     */
    Set<String> names();

    /** Every interface {@link #find} can see. */
    List<InterfaceView> all();
}
