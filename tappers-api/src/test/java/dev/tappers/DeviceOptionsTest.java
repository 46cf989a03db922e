package dev.tappers;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceOptionsTest {

    @Test
    void defaultsLetTheKernelPickABlockingNonPersistentDevice() {
        DeviceOptions d = DeviceOptions.defaults();
        assertEquals(Optional.empty(), d.name());
        assertFalse(d.nonBlocking());
        assertFalse(d.persistent());
        assertEquals("DeviceOptions[name=(kernel picks), nonBlocking=false, persistent=false]", d.toString());
    }

    @Test
    void namedValidatesTheName() {
        assertEquals(Optional.of(InterfaceName.of("tappers0")), DeviceOptions.named("tappers0").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceOptions.named("tun/0"));
        assertTrue(e.getMessage().startsWith("interface name \"tun/0\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceOptions.named("x".repeat(16)));
        assertThrows(NullPointerException.class, () -> DeviceOptions.defaults().withName(null));
    }

    @Test
    void withMethodsReturnNewValuesAndKeepTheRest() {
        DeviceOptions base = DeviceOptions.named("tappers0");
        DeviceOptions nb = base.withNonBlocking(true);
        DeviceOptions both = nb.withPersistent(true);

        assertFalse(base.nonBlocking());
        assertFalse(base.persistent());
        assertTrue(nb.nonBlocking());
        assertFalse(nb.persistent());
        assertTrue(both.nonBlocking());
        assertTrue(both.persistent());
        assertEquals(Optional.of(InterfaceName.of("tappers0")), both.name());

        DeviceOptions renamed = both.withName(InterfaceName.of("tappers1"));
        assertTrue(renamed.nonBlocking());
        assertTrue(renamed.persistent());
        assertEquals("DeviceOptions[name=tappers1, nonBlocking=true, persistent=true]", renamed.toString());
        assertFalse(DeviceOptions.defaults().nonBlocking(), "the shared defaults must not change");
    }

    @Test
    void equality() {
        assertEquals(DeviceOptions.named("a").withNonBlocking(true), DeviceOptions.named("a").withNonBlocking(true));
        assertEquals(DeviceOptions.named("a").withNonBlocking(true).hashCode(),
                DeviceOptions.named("a").withNonBlocking(true).hashCode());
        assertEquals(DeviceOptions.defaults(), DeviceOptions.defaults().withNonBlocking(false));
        assertNotEquals(DeviceOptions.named("a"), DeviceOptions.named("b"));
        assertNotEquals(DeviceOptions.named("a"), DeviceOptions.named("a").withNonBlocking(true));
        assertNotEquals(DeviceOptions.named("a"), DeviceOptions.named("a").withPersistent(true));
        assertNotEquals(DeviceOptions.defaults(), DeviceOptions.named("a"));
        assertNotEquals(DeviceOptions.defaults(), "defaults");
    }
}
