package dev.tappers.memory;

import dev.tappers.DeviceOptions;
import dev.tappers.MacAddress;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.Tap;
import dev.tappers.Tappers;
import dev.tappers.Tun;
import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wiring the TCK does not cover: host ports, cables, the switch, separate networks and discovery. */
class MemoryNetworkTest {
    /** A minimal IPv4 header's first bytes are enough for a TUN, which checks only the version nibble. */
    private static byte[] ipv4(int tag) {
        byte[] p = new byte[20];
        p[0] = 0x45;
        p[19] = (byte) tag;
        return p;
    }

    private static byte[] frame(MacAddress to, MacAddress from, int tag) {
        byte[] f = new byte[60];
        System.arraycopy(to.toBytes(), 0, f, 0, 6);
        System.arraycopy(from.toBytes(), 0, f, 6, 6);
        f[12] = 0x08; // IPv4, though nothing looks inside
        f[59] = (byte) tag;
        return f;
    }

    private static byte[] receive(Tun tun) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(tun.maxPacketSize());
        int n = tun.receive(b);
        return Arrays.copyOf(b.array(), n);
    }

    @Test
    void theHostPortInjectsAndSeesWhatTheDeviceSends_onlyWhileUp() throws Exception {
        MemoryNetwork net = new MemoryNetwork();
        try (Tun tun = net.provider().createTun(DeviceOptions.defaults().withNonBlocking(true))) {
            HostPort host = net.hostPort(tun.name());
            assertFalse(host.inject(ipv4(1)), "a down interface took a packet");
            tun.send(ByteBuffer.wrap(ipv4(2)));
            assertTrue(host.poll().isEmpty(), "a down interface carried a packet out");
            assertEquals(2, host.dropped());

            tun.up();
            assertTrue(host.inject(ipv4(3)));
            assertArrayEquals(ipv4(3), receive(tun));
            tun.send(ByteBuffer.wrap(ipv4(4)));
            assertArrayEquals(ipv4(4), host.take(Duration.ofSeconds(1)).orElseThrow());
        }
    }

    @Test
    void aCableCarriesPacketsBothWaysBetweenTwoTuns() throws Exception {
        MemoryNetwork net = new MemoryNetwork();
        TappersProvider tappers = net.provider();
        try (Tun a = tappers.createTun(DeviceOptions.defaults()); Tun b = tappers.createTun(DeviceOptions.defaults())) {
            assertEquals(List.of("tun0", "tun1"), List.of(a.name().value(), b.name().value()), "kernel-style names");
            net.connect(a.name(), b.name());
            a.up();
            b.up();
            a.send(ByteBuffer.wrap(ipv4(5)));
            assertArrayEquals(ipv4(5), receive(b));
            b.send(ByteBuffer.wrap(ipv4(6)));
            assertArrayEquals(ipv4(6), receive(a));
            assertTrue(net.hostPort(a.name()).poll().isEmpty(), "the cable's packets also reached a host port");

            net.disconnect(a.name());
            a.send(ByteBuffer.wrap(ipv4(7)));
            assertArrayEquals(ipv4(7), net.hostPort(a.name()).poll().orElseThrow(), "after disconnect");
        }
    }

    @Test
    void theSwitchFloodsUntilItLearnsThenSendsUnicastToOnePort() throws Exception {
        MemoryNetwork net = new MemoryNetwork();
        TappersProvider tappers = net.provider();
        try (Tap a = tappers.createTap(DeviceOptions.defaults());
             Tap b = tappers.createTap(DeviceOptions.defaults().withNonBlocking(true));
             Tap c = tappers.createTap(DeviceOptions.defaults().withNonBlocking(true))) {
            MemorySwitch sw = net.createSwitch();
            for (Tap t : List.of(a, b, c)) {
                sw.attach(t.name());
                t.up();
            }
            MacAddress ma = MacAddress.parse("02:00:00:00:00:0a");
            MacAddress mb = MacAddress.parse("02:00:00:00:00:0b");
            a.send(ByteBuffer.wrap(frame(mb, ma, 1))); // b's MAC unknown yet: flooded to b and c
            assertEquals(60, b.receive(ByteBuffer.allocate(2000)));
            assertEquals(60, c.receive(ByteBuffer.allocate(2000)));
            b.send(ByteBuffer.wrap(frame(ma, mb, 2))); // a's MAC learned: to a only
            ByteBuffer got = ByteBuffer.allocate(2000);
            assertEquals(60, a.receive(got));
            assertEquals(2, got.get(59));
            assertEquals(0, c.receive(ByteBuffer.allocate(2000)), "a learned unicast frame also reached c");
            a.send(ByteBuffer.wrap(frame(mb, ma, 3))); // b's MAC learned now: to b only
            assertEquals(60, b.receive(ByteBuffer.allocate(2000)));
            assertEquals(0, c.receive(ByteBuffer.allocate(2000)), "a learned unicast frame also reached c");
        }
    }

    @Test
    void networksAreSeparate_andAMissingInterfaceIsNamed() throws Exception {
        MemoryNetwork one = new MemoryNetwork();
        MemoryNetwork two = new MemoryNetwork();
        try (Tun a = one.provider().createTun(DeviceOptions.named("vpn0"));
             Tun b = two.provider().createTun(DeviceOptions.named("vpn0"))) {
            assertNotEquals(a, b);
            assertEquals(1, one.interfaces().size());
            assertEquals(1, two.interfaces().size());
        }
        assertTrue(one.interfaces().isEmpty(), "closing removed the interface");
        NoSuchDeviceException e = assertThrows(NoSuchDeviceException.class, () -> one.hostPort(dev.tappers.InterfaceName.of("vpn0")));
        assertTrue(e.getMessage().contains("vpn0"), e.getMessage());
    }

    @Test
    void discoveryFindsTheProviderByNameOnTheSharedNetwork() throws Exception {
        TappersProvider found = Tappers.provider(MemoryTappersProvider.NAME);
        assertEquals(MemoryTappersProvider.NAME, found.name());
        try (Tun tun = found.createTun(DeviceOptions.defaults())) {
            assertTrue(MemoryNetwork.shared().find(tun.name()).isPresent(), "discovery's provider is not on shared()");
        }
    }
}
