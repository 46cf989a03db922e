package dev.tappers.macos;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class MacosProviderTest {

    private final MacosTappersProvider provider = new MacosTappersProvider();

    @Test
    void declaresNoFeaturesAndSaysWhy() {
        assertTrue(provider.features().isEmpty());
        Throwable cause = provider.unavailabilityCause().orElseThrow();
        assertEquals("tappers-macos is not implemented yet: only its encodings exist; device support arrives with "
                + "its own issue", cause.getMessage());
    }

    @Test
    void factoriesRefuseWithTheFeatureAndTheReason() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> provider.createTun(DeviceOptions.defaults()));
        assertEquals(Feature.TUN, e.feature());
        assertEquals("macos", e.provider());
        assertTrue(e.getMessage().contains("not implemented yet"), e.getMessage());
        assertEquals(Feature.TUN, assertThrows(UnsupportedFeatureException.class,
                () -> provider.openTun(InterfaceName.of("utun3"))).feature());
        assertEquals(Feature.TAP, assertThrows(UnsupportedFeatureException.class,
                () -> provider.createTap(DeviceOptions.defaults())).feature());
        assertEquals(Feature.TAP, assertThrows(UnsupportedFeatureException.class,
                () -> provider.openTap(InterfaceName.of("feth0"))).feature());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void discoveryOnLinuxRejectsItAsAnotherSystemsProvider() {
        ProviderCandidate seen = Tappers.candidates().stream()
                .filter(c -> c.type().equals(MacosTappersProvider.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("discovery did not see the macOS provider"));
        assertEquals("macos", seen.name());
        assertEquals(java.util.List.of(OsFamily.MACOS), seen.os());
        assertEquals(100, seen.priority());
        assertTrue(seen.rejection().orElseThrow().contains("it is for [MACOS] and this is LINUX"),
                seen.rejection().toString());
    }

    @Test
    @EnabledOnOs(OS.MAC)
    void discoveryOnMacosRejectsItAsNotImplemented() {
        ProviderCandidate seen = Tappers.candidates().stream()
                .filter(c -> c.type().equals(MacosTappersProvider.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("discovery did not see the macOS provider"));
        assertTrue(seen.rejection().orElseThrow().contains("not implemented yet"), seen.rejection().toString());
    }
}
