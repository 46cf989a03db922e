package dev.tappers;

import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provider discovery ({@code Tappers.select}) with fake providers that count how often they are instantiated. */
class DiscoveryTest {

    // ---- fake providers ----

    abstract static class Fake implements TappersProvider {
        @Override
        public String name() {
            return getClass().getAnnotation(ProviderInfo.class).name();
        }

        @Override
        public Set<Feature> features() {
            return Set.of();
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.empty();
        }

        @Override
        public Tun createTun(DeviceOptions options) throws IOException {
            throw new UnsupportedOperationException("fake");
        }

        @Override
        public Tun openTun(InterfaceName name) throws IOException {
            throw new UnsupportedOperationException("fake");
        }

        @Override
        public Tap createTap(DeviceOptions options) throws IOException {
            throw new UnsupportedOperationException("fake");
        }

        @Override
        public Tap openTap(InterfaceName name) throws IOException {
            throw new UnsupportedOperationException("fake");
        }
    }

    @ProviderInfo(name = "linux-low", os = OsFamily.LINUX, priority = 10)
    static final class LinuxLow extends Fake {
    }

    @ProviderInfo(name = "linux-high", os = {OsFamily.MACOS, OsFamily.LINUX}, priority = 100)
    static final class LinuxHigh extends Fake {
    }

    @ProviderInfo(name = "macos", os = OsFamily.MACOS, priority = 1000)
    static final class MacOnly extends Fake {
    }

    @ProviderInfo(name = "broken", os = OsFamily.LINUX, priority = 500)
    static final class Broken extends Fake {
        Broken() {
            throw new IllegalStateException("native library missing");
        }
    }

    static final IOException NO_TUN = new IOException("/dev/net/tun does not exist");

    @ProviderInfo(name = "unavailable", os = OsFamily.LINUX, priority = 400)
    static final class Unavailable extends Fake {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.of(NO_TUN);
        }
    }

    static final class NoInfo extends Fake {
        @Override
        public String name() {
            return "no-info";
        }
    }

    /** A ServiceLoader.Provider as the JDK hands them out: the type is known before anything is instantiated. */
    static final class Counting implements ServiceLoader.Provider<TappersProvider> {
        final Class<? extends TappersProvider> type;
        final Supplier<? extends TappersProvider> factory;
        final AtomicInteger instantiations = new AtomicInteger();

        Counting(Class<? extends TappersProvider> type, Supplier<? extends TappersProvider> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public Class<? extends TappersProvider> type() {
            return type;
        }

        @Override
        public TappersProvider get() {
            instantiations.incrementAndGet();
            try {
                return factory.get();
            } catch (RuntimeException e) { // what ServiceLoader does with a failing constructor
                throw new ServiceConfigurationError(TappersProvider.class.getName() + ": Provider " + type.getName()
                        + " could not be instantiated", e);
            }
        }
    }

    private static Counting linuxLow() {
        return new Counting(LinuxLow.class, LinuxLow::new);
    }

    private static Counting linuxHigh() {
        return new Counting(LinuxHigh.class, LinuxHigh::new);
    }

    private static Counting macOnly() {
        return new Counting(MacOnly.class, MacOnly::new);
    }

    private static Counting broken() {
        return new Counting(Broken.class, Broken::new);
    }

    private static Counting unavailable() {
        return new Counting(Unavailable.class, Unavailable::new);
    }

    private static Counting noInfo() {
        return new Counting(NoInfo.class, NoInfo::new);
    }

    // ---- tests ----

    @Test
    void aProviderForAnotherOsIsNeverInstantiated() {
        Counting mac = macOnly();
        Counting low = linuxLow();
        TappersProvider chosen = Tappers.select(List.of(mac, low), OsFamily.LINUX, null);
        assertInstanceOf(LinuxLow.class, chosen);
        assertEquals(0, mac.instantiations.get(), "the macOS provider must not be instantiated on Linux");
        assertEquals(1, low.instantiations.get());
    }

    @Test
    void highestPriorityWinsWhateverTheOrder() {
        Counting low = linuxLow();
        Counting high = linuxHigh();
        assertInstanceOf(LinuxHigh.class, Tappers.select(List.of(low, high), OsFamily.LINUX, null));
        assertInstanceOf(LinuxHigh.class, Tappers.select(List.of(linuxHigh(), linuxLow()), OsFamily.LINUX, null));
        // On macOS the macOS-only provider outranks the one that serves both.
        assertInstanceOf(MacOnly.class, Tappers.select(List.of(linuxHigh(), macOnly()), OsFamily.MACOS, null));
    }

    @Test
    void theForcedNameWinsEvenForAnotherOs() {
        Counting mac = macOnly();
        Counting high = linuxHigh();
        TappersProvider chosen = Tappers.select(List.of(high, mac), OsFamily.LINUX, "macos");
        assertInstanceOf(MacOnly.class, chosen);
        assertEquals(1, mac.instantiations.get());
        assertEquals(0, high.instantiations.get(), "providers not named must not be instantiated");
    }

    @Test
    void theForcedNameWinsOverAHigherPriority() {
        assertInstanceOf(LinuxLow.class, Tappers.select(List.of(linuxHigh(), linuxLow()), OsFamily.LINUX, "linux-low"));
    }

    @Test
    void aForcedNameThatNobodyHasFailsAndSaysSo() {
        NoProviderException e = assertThrows(NoProviderException.class,
                () -> Tappers.select(List.of(linuxHigh(), linuxLow()), OsFamily.LINUX, "solaris"));
        assertTrue(e.getMessage().contains("the name 'solaris' (from -Dtappers.provider)"), e.getMessage());
        assertTrue(e.getMessage().contains("linux-high (" + LinuxHigh.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("rejected, the tappers.provider property asks for 'solaris'"), e.getMessage());
    }

    @Test
    void brokenAndUnavailableProvidersArePassedOverForAWorkingOne() {
        Counting broken = broken();
        Counting unavailable = unavailable();
        Counting low = linuxLow();
        TappersProvider chosen = Tappers.select(List.of(broken, unavailable, low), OsFamily.LINUX, null);
        assertInstanceOf(LinuxLow.class, chosen);
        assertEquals(1, broken.instantiations.get());
        assertEquals(1, unavailable.instantiations.get());
    }

    @Test
    void whenNothingFitsTheMessageListsEveryProviderWithItsReasonAndTheCausesAreSuppressed() {
        NoProviderException e = assertThrows(NoProviderException.class,
                () -> Tappers.select(List.of(macOnly(), broken(), unavailable(), noInfo()), OsFamily.LINUX, null));
        String m = e.getMessage();
        assertTrue(m.startsWith("no tappers provider fits this LINUX machine"), m);
        List<String> lines = Arrays.asList(m.split("\n"));
        assertEquals(6, lines.size(), m); // the headline, four providers, the hint
        assertTrue(lines.get(1).contains("macos (" + MacOnly.class.getName() + ", os=[MACOS], priority=1000): "
                + "rejected, it is for [MACOS] and this is LINUX"), lines.get(1));
        assertTrue(lines.get(2).contains("broken (") && lines.get(2).contains("rejected, failed to load: ")
                && lines.get(2).contains("could not be instantiated"), lines.get(2));
        assertTrue(lines.get(3).contains("unavailable (") && lines.get(3).contains(
                "rejected, unavailable: /dev/net/tun does not exist"), lines.get(3));
        assertTrue(lines.get(4).contains(NoInfo.class.getName() + " (" + NoInfo.class.getName() + ", os=[], priority=0): "
                + "rejected, its class lacks @ProviderInfo"), lines.get(4));
        assertEquals("Add the provider for this OS, such as dev.tappers:tappers-linux, to the dependencies.", lines.get(5));

        Throwable[] suppressed = e.getSuppressed();
        assertEquals(2, suppressed.length, Arrays.toString(suppressed));
        assertInstanceOf(ServiceConfigurationError.class, suppressed[0]);
        assertInstanceOf(IllegalStateException.class, suppressed[0].getCause());
        assertEquals("native library missing", suppressed[0].getCause().getMessage());
        assertSame(NO_TUN, suppressed[1]);
    }

    @Test
    void aProviderWithoutProviderInfoIsRejectedWithoutBeingInstantiated() {
        Counting none = noInfo();
        NoProviderException e = assertThrows(NoProviderException.class,
                () -> Tappers.select(List.of(none), OsFamily.LINUX, null));
        assertTrue(e.getMessage().contains("its class lacks @ProviderInfo"), e.getMessage());
        assertEquals(0, none.instantiations.get());
        // Not even when forced by its class name.
        assertThrows(NoProviderException.class, () -> Tappers.select(List.of(none), OsFamily.LINUX, NoInfo.class.getName()));
        assertEquals(0, none.instantiations.get());
    }

    @Test
    void aForcedProviderThatIsUnavailableIsNotUsed() {
        NoProviderException e = assertThrows(NoProviderException.class,
                () -> Tappers.select(List.of(unavailable(), linuxLow()), OsFamily.LINUX, "unavailable"));
        assertSame(NO_TUN, e.getSuppressed()[0]);
    }

    @Test
    void noProvidersAtAll() {
        NoProviderException e = assertThrows(NoProviderException.class, () -> Tappers.select(List.of(), OsFamily.MACOS, null));
        assertTrue(e.getMessage().contains("No provider is on the class or module path"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.tappers:tappers-macos"), e.getMessage());
        assertEquals(0, e.getSuppressed().length);
    }

    @Test
    void theArtifactHintFollowsTheOs() {
        for (OsFamily bsd : List.of(OsFamily.FREEBSD, OsFamily.OPENBSD, OsFamily.NETBSD, OsFamily.DRAGONFLY)) {
            NoProviderException e = assertThrows(NoProviderException.class, () -> Tappers.select(List.of(), bsd, null));
            assertTrue(e.getMessage().contains("dev.tappers:tappers-bsd,"), e.getMessage());
        }
        assertTrue(assertThrows(NoProviderException.class, () -> Tappers.select(List.of(), OsFamily.WINDOWS, null))
                .getMessage().contains("dev.tappers:tappers-windows,"));
    }

    /**
     * A JPMS provider may be a class with a static {@code provider()} method: {@code Provider.type()} is that
     * class (which carries {@code @ProviderInfo}), but {@code get()} may return an object of another class.
     */
    @Test
    void priorityComesFromTheDeclaredTypeNotTheInstanceClass() {
        Counting factoryHigh = new Counting(LinuxHigh.class, () -> new Fake() {
            @Override
            public String name() {
                return "linux-high";
            }
        });
        TappersProvider chosen = Tappers.select(List.of(linuxLow(), factoryHigh), OsFamily.LINUX, null);
        assertEquals("linux-high", chosen.name());
    }

    @Test
    void theRealServiceLoaderFindsNoProviderInTheApiModuleAlone() {
        // tappers-api's tests have no provider on their path: the public entry points must say so, not guess.
        assertEquals(List.of(), Tappers.candidates());
        NoProviderException e = assertThrows(NoProviderException.class, () -> Tappers.provider("linux"));
        assertTrue(e.getMessage().contains("the name 'linux'"), e.getMessage());
        assertTrue(e.getMessage().contains("No provider is on the class or module path"), e.getMessage());
    }

    @Test
    void candidatesDescribeThemselves() {
        ProviderCandidate ok = new ProviderCandidate("a.B", "b", List.of(OsFamily.LINUX), 7, Optional.empty(), Optional.empty());
        assertTrue(ok.usable());
        assertEquals("b (a.B, os=[LINUX], priority=7): usable", ok.toString());
        ProviderCandidate no = new ProviderCandidate("a.B", "b", List.of(), 0, Optional.of("why"), Optional.empty());
        assertFalse(no.usable());
        assertEquals("b (a.B, os=[], priority=0): rejected, why", no.toString());
    }
}
