package dev.tappers.linux;

import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkNamespace;
import dev.tappers.Veth;
import dev.tappers.VethEnd;
import dev.tappers.VethOptions;
import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.NamespaceConformanceTest;
import dev.tappers.tck.VethConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.tappers.linux.PlantedFaults.failed;
import static dev.tappers.linux.PlantedFaults.run;
import static dev.tappers.linux.PlantedFaults.succeeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The namespace and vETH conformance tests must be able to fail: each runs here against the Linux provider with
 * one plausible fault planted, and the tests for that behaviour must fail while tests it does not touch pass.
 */
class NamespaceBrokenProviderTckTest {
    /** The faulty classes run only from {@link PlantedFaults#run}, so that a surefire pattern matching one skips it. */
    private static final String PLANTING = "dev.tappers.linux.PlantedFaults#planting";
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

    // ---- the faulty runs ------------------------------------------------------------------------------------

    @EnabledIf(PLANTING)
    static final class TasksOnCallersThread extends NamespaceConformanceTest {
        static {
            TestNamespaceDirectory.use();
        }

        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider(FaultyLinuxProvider.Fault.NONE) {
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

    @EnabledIf(PLANTING)
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

        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider(FaultyLinuxProvider.Fault.NONE) {
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

    @EnabledIf(PLANTING)
    static final class SendsNothing extends VethConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider(FaultyLinuxProvider.Fault.NONE) {
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
}
