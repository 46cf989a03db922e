package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.ProviderCandidate;
import dev.tappers.Tappers;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.spi.ProviderInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For a provider that is not written yet ({@link dev.tappers.spi.PlaceholderProvider}): it must say so plainly,
 * never pretend. No feature, a reason for being unavailable, every factory refused with that reason, and
 * discovery on any other OS passes over it as another system's provider.
 */
public abstract class PlaceholderProviderTest extends ProviderTest {

    @Test
    void required_declaresNoFeaturesAndSaysWhy() {
        assertTrue(provider().features().isEmpty(), "a placeholder declares no feature");
        String why = provider().unavailabilityCause()
                .orElseThrow(() -> new AssertionError("a placeholder must report itself unavailable")).getMessage();
        assertTrue(why.contains("not implemented yet"), why);
    }

    @Test
    void required_factoriesRefuseWithTheFeatureAndTheReason() {
        expectRefusal(Feature.TUN, () -> provider().createTun(DeviceOptions.defaults()));
        expectRefusal(Feature.TUN, () -> provider().openTun(InterfaceName.of("tun0")));
        expectRefusal(Feature.TAP, () -> provider().createTap(DeviceOptions.defaults()));
        expectRefusal(Feature.TAP, () -> provider().openTap(InterfaceName.of("tap0")));
    }

    private void expectRefusal(Feature feature, Executable factory) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, factory);
        assertEquals(feature, e.feature());
        assertEquals(provider().name(), e.provider());
        assertTrue(e.getMessage().contains("not implemented yet"), e.getMessage());
    }

    @Test
    void required_discoveryElsewherePassesOverIt() {
        List<OsFamily> declared = Arrays.asList(provider().getClass().getAnnotation(ProviderInfo.class).os());
        ProviderCandidate seen = Tappers.candidates().stream()
                .filter(c -> c.type().equals(provider().getClass().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("discovery did not see " + provider().getClass()));
        assertEquals(provider().name(), seen.name());
        assertEquals(declared, seen.os());
        assertFalse(seen.usable(), "a placeholder is never usable");
        String reason = seen.rejection().orElseThrow();
        assertTrue(declared.contains(OsFamily.current()) ? reason.contains("not implemented yet")
                : reason.contains("this is " + OsFamily.current()), reason);
    }
}
