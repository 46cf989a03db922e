package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.DeviceOptions;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Error messages never carry packet contents (they end up in logs): malformed and oversized packets are sent and
 * too-small buffers offered, and no message or cause of the exceptions may contain the packets' marker bytes as
 * text, as hex, or as decimal byte values.
 */
class ErrorMessagesCarryNoPacketDataTest {
    private static final byte[] MARKER = "S3cr3tPayl0adQz".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void malformedPacketsAndShortBuffersGiveMessagesWithoutTheirBytes() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true));
             Tap tap = LinuxTestSupport.PROVIDER.createTap(DeviceOptions.defaults().withNonBlocking(true))) {
            tun.up();
            byte[] badVersion = packet(100, (byte) 0x05); // IP version 0: the kernel refuses it (EINVAL)
            byte[] oversized = packet(tun.maxPacketSize() + 1, (byte) 0x45);
            byte[] shortFrame = packet(8, (byte) 0x45);
            for (Runnable send : List.<Runnable>of(
                    () -> failures.add(attempt(() -> tun.send(ByteBuffer.wrap(badVersion)))),
                    () -> failures.add(attempt(() -> tun.send(direct(badVersion)))),
                    () -> failures.add(attempt(() -> tun.send(ByteBuffer.wrap(oversized)))),
                    () -> failures.add(attempt(() -> tap.send(ByteBuffer.wrap(shortFrame)))),
                    () -> failures.add(attempt(() -> tap.send(ByteBuffer.wrap(oversized)))))) {
                send.run();
            }
            // A packet that does not fit the caller's buffer: the kernel sends IPv6 traffic once the TUN is up;
            // echo one of ours back in through a route-less self-addressed send instead of waiting for that.
            failures.add(receiveTooSmall(tun));
        }
        failures.removeIf(t -> t == null);
        assertTrue(failures.size() >= 5, "the malformed sends must fail: " + failures);
        String marker = new String(MARKER, StandardCharsets.US_ASCII);
        String hex = HexFormat.of().formatHex(MARKER);
        String spacedHex = HexFormat.ofDelimiter(" ").formatHex(MARKER);
        for (Throwable t : failures) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                String m = String.valueOf(c.getMessage()) + " " + c;
                String lower = m.toLowerCase(Locale.ROOT);
                assertFalse(m.contains(marker), "packet text in: " + m);
                assertFalse(lower.contains(hex.toLowerCase(Locale.ROOT)) || lower.contains(spacedHex.toLowerCase(Locale.ROOT)),
                        "packet hex in: " + m);
                assertFalse(m.contains("83, 51, 99"), "packet bytes in: " + m); // 'S' '3' 'c' as decimal bytes
            }
        }
        System.out.println("ErrorMessages: " + failures.size() + " exceptions checked, e.g. " + failures.get(0).getMessage());
        ReliabilityFigures.record("ErrorMessagesCarryNoPacketData", "malformed, oversized and truncated packets on TUN"
                + " and TAP, a too-small receive buffer", failures.size() + " exceptions (and causes) checked: no"
                + " packet bytes as text, hex or decimal");
    }

    private static Throwable receiveTooSmall(Tun tun) throws Exception {
        ByteBuffer tiny = ByteBuffer.allocate(1);
        for (int i = 0; i < 300; i++) { // at most 3 s for the kernel's first IPv6 packet on the new link
            try {
                if (tun.receive(tiny.clear()) > 0) {
                    return null; // a 1-byte packet: nothing to check
                }
            } catch (Exception e) {
                return e;
            }
            Thread.sleep(10);
        }
        return null;
    }

    private interface Io {
        int run() throws Exception;
    }

    private static Throwable attempt(Io io) {
        try {
            io.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** {@code length} bytes of the marker repeated, the first byte replaced by {@code first}. */
    private static byte[] packet(int length, byte first) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = MARKER[i % MARKER.length];
        }
        if (length > 0) {
            p[0] = first;
        }
        // The marker must survive whole after the first byte, wherever a message might quote from.
        return p;
    }

    private static ByteBuffer direct(byte[] b) {
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }
}
