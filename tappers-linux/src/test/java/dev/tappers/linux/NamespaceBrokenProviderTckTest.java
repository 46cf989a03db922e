package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethEnd;
import dev.tappers.VethOptions;
import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.NamespaceConformanceTest;
import dev.tappers.tck.VethConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The namespace and vETH conformance tests must be able to fail: each runs here against the Linux provider with
 * one plausible fault planted, and the tests for that behaviour must fail while tests it does not touch pass.
 */
class NamespaceBrokenProviderTckTest {
    /** True only while {@link #run} runs a faulty class, so that surefire running one directly skips it. */
    private static volatile boolean planting;

    @Test
    void tasksRunOnTheCallersThreadFailTheThreadAndNamespaceTest() {
        Events events = run(TasksOnCallersThread.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("anonymousNamespace_runsEveryTaskOnItsOwnThreadInsideAFreshNamespace"), "failed: " + failed);
        assertTrue(succeeded(events).contains("badNamespaceNames_areRefusedBeforeAnythingIsMade"),
                "a test the fault does not touch still passes: " + succeeded(events));
    }

    @Test
    void aPairThatCloseLeavesBehindFailsTheCloseTest() {
        Events events = run(CloseLeavesThePair.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("closingACreatedPair_deletesBothEnds_inTheirNamespaces"), "failed: " + failed);
        assertTrue(succeeded(events).contains("pairJoiningTwoNamespaces_carriesKernelUdpBothWays"),
                "a test the fault does not touch still passes: " + succeeded(events));
    }

    @Test
    void aFrameSocketThatDropsWhatItSendsFailsTheInjectionTest() {
        Set<String> failed = failed(run(SendsNothing.class));
        assertTrue(failed.contains("frameSentThroughAFrameSocket_reachesTheKernelOnTheOtherEnd"), "failed: " + failed);
    }

    private static Events run(Class<?> testClass) {
        planting = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        } finally {
            planting = false;
        }
    }

    private static Set<String> failed(Events events) {
        return names(events.failed());
    }

    private static Set<String> succeeded(Events events) {
        return names(events.succeeded());
    }

    private static Set<String> names(Events events) {
        return events.stream().map(Event::getTestDescriptor)
                .map(d -> d.getLegacyReportingName().replaceAll("\\(.*", "")).collect(Collectors.toSet());
    }

    // ---- the faulty runs ------------------------------------------------------------------------------------

    static final class TasksOnCallersThread extends NamespaceConformanceTest {
        static {
            TestNamespaceDirectory.use();
        }

        @BeforeEach
        void onlyWhilePlanting() {
            assumeTrue(planting, "runs only inside NamespaceBrokenProviderTckTest");
        }

        @Override
        protected TappersProvider provider() {
            return new Delegating() {
                @Override
                public NetworkNamespace createNamespace(String nameOrNull) throws IOException {
                    NetworkNamespace real = super.createNamespace(nameOrNull);
                    return new NetworkNamespace() { // the fault: the task runs where it is called
                        @Override
                        public Optional<String> name() {
                            return real.name();
                        }

                        @Override
                        public <T> T call(Callable<T> task) throws Exception {
                            return task.call();
                        }

                        @Override
                        public void moveInterface(InterfaceName name) throws IOException {
                            real.moveInterface(name);
                        }

                        @Override
                        public void delete() throws IOException {
                            real.delete();
                        }

                        @Override
                        public boolean isOpen() {
                            return real.isOpen();
                        }

                        @Override
                        public void close() throws IOException {
                            real.close();
                        }
                    };
                }
            };
        }
    }

    static final class CloseLeavesThePair extends VethConformanceTest {
        /** What the fault left, deleted after the run (pairs inside the tests' namespaces went with them). */
        private static final List<Veth> LEFT = new CopyOnWriteArrayList<>();

        @AfterAll
        static void deleteWhatTheFaultLeft() {
            for (Veth v : LEFT) {
                try {
                    ((LinuxVeth) v).delete();
                } catch (IOException gone) {
                    // its namespace was closed, taking the pair with it
                }
            }
            LEFT.clear();
        }

        @BeforeEach
        void onlyWhilePlanting() {
            assumeTrue(planting, "runs only inside NamespaceBrokenProviderTckTest");
        }

        @Override
        protected TappersProvider provider() {
            return new Delegating() {
                @Override
                public Veth createVeth(VethOptions options) throws IOException {
                    Veth real = super.createVeth(options);
                    LEFT.add(real);
                    return new Veth() { // the fault: close releases the handles and deletes nothing
                        @Override
                        public VethEnd end() {
                            return real.end();
                        }

                        @Override
                        public VethEnd peer() {
                            return real.peer();
                        }

                        @Override
                        public boolean isCreatedByUs() {
                            return true;
                        }

                        @Override
                        public void close() throws IOException {
                            real.end().close();
                            real.peer().close();
                        }
                    };
                }
            };
        }
    }

    static final class SendsNothing extends VethConformanceTest {
        @BeforeEach
        void onlyWhilePlanting() {
            assumeTrue(planting, "runs only inside NamespaceBrokenProviderTckTest");
        }

        @Override
        protected TappersProvider provider() {
            return new Delegating() {
                @Override
                public FrameSocket openFrameSocket(InterfaceName name) throws IOException {
                    FrameSocket real = super.openFrameSocket(name);
                    return new FrameSocket() { // the fault: send reports success and drops the frame
                        @Override
                        public InterfaceName interfaceName() {
                            return real.interfaceName();
                        }

                        @Override
                        public int receive(ByteBuffer dst) throws IOException {
                            return real.receive(dst);
                        }

                        @Override
                        public int send(ByteBuffer src) {
                            int n = src.remaining();
                            src.position(src.limit());
                            return n;
                        }

                        @Override
                        public void setNonBlocking(boolean nonBlocking) throws IOException {
                            real.setNonBlocking(nonBlocking);
                        }

                        @Override
                        public boolean isNonBlocking() {
                            return real.isNonBlocking();
                        }

                        @Override
                        public boolean isOpen() {
                            return real.isOpen();
                        }

                        @Override
                        public void close() throws IOException {
                            real.close();
                        }
                    };
                }
            };
        }
    }

    /** The Linux provider, passed through; each fault overrides one method. */
    private static class Delegating implements TappersProvider {
        private final TappersProvider real = LinuxTestSupport.PROVIDER;

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Set<Feature> features() {
            return real.features();
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return real.unavailabilityCause();
        }

        @Override
        public Tun createTun(DeviceOptions options) throws IOException {
            return real.createTun(options);
        }

        @Override
        public Tun openTun(InterfaceName name) throws IOException {
            return real.openTun(name);
        }

        @Override
        public Tap createTap(DeviceOptions options) throws IOException {
            return real.createTap(options);
        }

        @Override
        public Tap openTap(InterfaceName name) throws IOException {
            return real.openTap(name);
        }

        @Override
        public Veth createVeth(VethOptions options) throws IOException {
            return real.createVeth(options);
        }

        @Override
        public Veth openVeth(InterfaceName name) throws IOException {
            return real.openVeth(name);
        }

        @Override
        public FrameSocket openFrameSocket(InterfaceName name) throws IOException {
            return real.openFrameSocket(name);
        }

        @Override
        public NetworkNamespace createNamespace(String nameOrNull) throws IOException {
            return real.createNamespace(nameOrNull);
        }

        @Override
        public NetworkNamespace openNamespace(String name) throws IOException {
            return real.openNamespace(name);
        }
    }
}
