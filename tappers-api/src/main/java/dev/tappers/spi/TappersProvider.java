package dev.tappers.spi;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * A platform backend. Implementations are found with {@link java.util.ServiceLoader}: declare
 * {@code provides dev.tappers.spi.TappersProvider with ...} in {@code module-info.java} (or list the class in
 * {@code META-INF/services/dev.tappers.spi.TappersProvider}) and annotate the class with {@link ProviderInfo}.
 *
 * <p>The constructor must be cheap and must not fail: check the machine in {@link #unavailabilityCause()}.
 * A provider proves itself by passing the conformance kit in {@code dev.tappers.tck}.
 */
public interface TappersProvider {

    /** The provider's name; the same as {@link ProviderInfo#name()}. */
    String name();

    /** The features this provider implements on this machine. */
    Set<Feature> features();

    /** True when {@code feature} is in {@link #features()}. */
    default boolean supports(Feature feature) {
        return features().contains(feature);
    }

    /** Throws {@link UnsupportedFeatureException} unless {@code feature} is supported. */
    default void require(Feature feature) {
        if (!supports(feature)) {
            throw new UnsupportedFeatureException(feature, name(), null);
        }
    }

    /**
     * Why this provider cannot work here (no {@code /dev/net/tun}, no native library, not implemented yet...),
     * or empty when it can. Discovery passes over a provider that gives a cause.
     */
    Optional<Throwable> unavailabilityCause();

    /** Creates a TUN device. */
    Tun createTun(DeviceOptions options) throws IOException;

    /** Opens an existing TUN device; closing it leaves the device in place. */
    Tun openTun(InterfaceName name) throws IOException;

    /** Creates a TAP device. */
    Tap createTap(DeviceOptions options) throws IOException;

    /** Opens an existing TAP device; closing it leaves the device in place. */
    Tap openTap(InterfaceName name) throws IOException;
}
