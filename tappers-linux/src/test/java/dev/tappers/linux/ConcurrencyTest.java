package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration calls (MTU, addresses, up/down) race with send and receive on many threads. No call hangs (each
 * thread has a fixed number of iterations and the whole run a deadline), every call succeeds or throws a
 * documented exception ({@link TappersException}: EEXIST for an address already there, EADDRNOTAVAIL for one
 * already gone), and afterwards the device's own view agrees with {@link NetworkInterface}'s.
 */
class ConcurrencyTest {
    private static final int ITERATIONS = 300;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void configurationRacingWithPacketIoNeitherHangsNorCorruptsState() throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong documented = new AtomicLong();
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true))) {
            tun.addAddress(AddressRequest.parse("198.18.12.1/24"));
            tun.up();
            List<AddressRequest> pool = List.of(AddressRequest.parse("198.18.13.1/24"),
                    AddressRequest.parse("198.18.14.1/28"), AddressRequest.parse("2001:db8:12::1/64"),
                    AddressRequest.parse("2001:db8:13::1/80"));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> tasks = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < 8; t++) {
                int id = t;
                tasks.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(id);
                    ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
                    byte[] packet = DataPackets.udp("198.18.12.2", "198.18.12.1", 9, 64);
                    for (int i = 0; i < ITERATIONS; i++) {
                        try {
                            switch (id % 4 == 3 ? 3 + random.nextInt(2) : random.nextInt(3)) {
                                case 0: tun.setMtu(1280 + random.nextInt(221)); break;
                                case 1: {
                                    AddressRequest a = pool.get(random.nextInt(pool.size()));
                                    if (random.nextBoolean()) {
                                        tun.addAddress(a);
                                    } else {
                                        tun.removeAddress(a.address(), a.prefixLength());
                                    }
                                    break;
                                }
                                case 2: tun.setState(random.nextBoolean() ? DeviceState.UP : DeviceState.DOWN); break;
                                case 3: tun.send(buffer.clear().put(packet).flip()); break;
                                default: tun.receive(buffer.clear()); break;
                            }
                            ok.incrementAndGet();
                        } catch (TappersException e) {
                            documented.incrementAndGet();
                            // EEXIST / EADDRNOTAVAIL from the address race; ENETDOWN-like send errors while down
                            assertTrue(e.errnoName().startsWith("E"), e.toString());
                        }
                    }
                    return null;
                }));
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(120, TimeUnit.SECONDS), "a thread hung: deadlock or a call that never returns");
            for (Future<?> f : tasks) {
                f.get(); // rethrows an undocumented exception
            }
            long millis = (System.nanoTime() - start) / 1_000_000;

            NetworkInterface oracle = NetworkInterface.getByName(tun.name().value());
            assertEquals(oracle.getMTU(), tun.mtu(), "MTU");
            assertEquals(oracle.isUp(), tun.state() == DeviceState.UP, "state");
            Set<String> ours = tun.addresses().stream().filter(a -> !a.isLinkLocal())
                    .map(a -> a.address().getHostAddress() + "/" + a.prefixLength()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> theirs = oracle.getInterfaceAddresses().stream().filter(a -> !a.getAddress().isLinkLocalAddress())
                    .map(ConcurrencyTest::text).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(theirs, ours, "addresses");
            System.out.printf("Concurrency: 8 threads × %d calls in %d ms: %d succeeded, %d documented refusals;"
                    + " state agrees with NetworkInterface (mtu %d, %s, %s)%n", ITERATIONS, millis, ok.get(),
                    documented.get(), tun.mtu(), tun.state(), ours);
            ReliabilityFigures.record("Concurrency", "8 threads: MTU, add/remove address, up/down racing with send and"
                    + " receive; NetworkInterface as oracle", String.format("%,d calls in %,d ms: %,d succeeded, %,d"
                    + " documented TappersException, 0 other; no hang; MTU, state and addresses agree afterwards",
                    8 * ITERATIONS, millis, ok.get(), documented.get()));
        }
    }

    private static String text(InterfaceAddress a) {
        InetAddress address = a.getAddress();
        String host = address.getHostAddress();
        int scope = host.indexOf('%');
        return (scope >= 0 ? host.substring(0, scope) : host) + "/" + a.getNetworkPrefixLength();
    }
}
