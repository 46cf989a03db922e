package dev.tappers.linux;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceExistsException;
import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.PermissionDeniedException;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Descriptors and interfaces never leak: after many creates, closes and failed attempts, the process holds the
 * same descriptors and the namespace the same interfaces as before. Counted from /proc, not from our own books.
 */
class NoLeaksTest {
    private static final int ROUNDS = 20;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    private static List<String> openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(p -> {
                try {
                    return p.getFileName() + " -> " + Files.readSymbolicLink(p);
                } catch (IOException e) {
                    return p.getFileName() + " -> (gone)"; // the directory stream's own descriptor, closed by now
                }
            }).filter(s -> !s.endsWith("(gone)")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().collect(Collectors.toList());
    }

    @Test
    void lifecyclesAndFailuresLeaveNoDescriptorOrInterfaceBehind() throws Exception {
        exercise(); // the first round loads classes, JNA and its libraries, which open descriptors for good
        List<String> fdsBefore = openDescriptors();
        List<String> interfacesBefore = sorted(LinuxTestSupport.interfaceNames());

        exercise();

        assertEquals(fdsBefore, openDescriptors(), "open descriptors");
        assertEquals(interfacesBefore, sorted(LinuxTestSupport.interfaceNames()), "interfaces in this namespace");
    }

    private static void exercise() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Tap.MAX_FRAME_SIZE);
        for (int i = 0; i < ROUNDS; i++) {
            try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true));
                 Tap tap = LinuxTestSupport.PROVIDER.createTap(DeviceOptions.defaults().withNonBlocking(true))) {
                tun.addAddress(AddressRequest.parse("198.18.242.1/24"));
                tun.up();
                tap.up();
                tun.receive(buffer.clear());
                tap.receive(buffer.clear());
                // A taken name fails after /dev/net/tun was opened: that descriptor must be closed again.
                assertThrows(DeviceExistsException.class, () -> LinuxTestSupport.PROVIDER.createTun(
                        DeviceOptions.defaults().withName(tun.name())));
            }
            InterfaceName absent = InterfaceName.of("tappers-nx" + i);
            assertThrows(NoSuchDeviceException.class, () -> LinuxTestSupport.PROVIDER.openTap(absent));
        }
        for (int i = 0; i < 3; i++) {
            assertThrows(PermissionDeniedException.class, () -> LinuxTestSupport.withoutNetAdmin(
                    () -> LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())));
        }
    }
}
