package dev.tappers.bsd;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.ProviderCandidate;
import dev.tappers.Tappers;
import dev.tappers.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class BsdProviderTest {

    private final BsdTappersProvider provider = new BsdTappersProvider();

    @Test
    void declaresNoFeaturesAndSaysWhy() {
        assertTrue(provider.features().isEmpty());
        assertEquals("tappers-bsd is not implemented yet: only its encodings exist; device support arrives with "
                + "its own issue", provider.unavailabilityCause().orElseThrow().getMessage());
    }

    @Test
    void factoriesRefuseWithTheFeatureAndTheReason() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> provider.createTap(DeviceOptions.defaults()));
        assertEquals(Feature.TAP, e.feature());
        assertEquals("bsd", e.provider());
        assertTrue(e.getMessage().contains("not implemented yet"), e.getMessage());
        assertEquals(Feature.TUN, assertThrows(UnsupportedFeatureException.class,
                () -> provider.createTun(DeviceOptions.defaults())).feature());
        assertEquals(Feature.TUN, assertThrows(UnsupportedFeatureException.class,
                () -> provider.openTun(InterfaceName.of("tun0"))).feature());
        assertEquals(Feature.TAP, assertThrows(UnsupportedFeatureException.class,
                () -> provider.openTap(InterfaceName.of("tap0"))).feature());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void discoveryOnLinuxRejectsItAsAnotherSystemsProvider() {
        ProviderCandidate seen = Tappers.candidates().stream()
                .filter(c -> c.type().equals(BsdTappersProvider.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("discovery did not see the BSD provider"));
        assertEquals("bsd", seen.name());
        assertEquals(List.of(OsFamily.FREEBSD, OsFamily.OPENBSD, OsFamily.NETBSD, OsFamily.DRAGONFLY), seen.os());
        assertEquals(100, seen.priority());
        assertTrue(seen.rejection().orElseThrow().contains("this is LINUX"), seen.rejection().toString());
    }
}
