package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory providers for the TCK's own tests: one that honours the contract while supporting nothing, and
 * some that each break one rule. None can make a device. All but {@link Unregistered} are listed in
 * {@code META-INF/services}; all declare {@link OsFamily#OTHER}, so discovery never instantiates them.
 */
public final class FakeProviders {
    /** Every factory call on any fake, so a test can prove none was made. */
    static final AtomicInteger FACTORY_CALLS = new AtomicInteger();

    private FakeProviders() {
    }

    /** A well-behaved provider that supports what {@link #features()} says and makes no device. */
    abstract static class Base implements TappersProvider {
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
            return Optional.of(new IllegalStateException("a fake provider for the TCK's own tests"));
        }

        @Override
        public Tun createTun(DeviceOptions options) {
            FACTORY_CALLS.incrementAndGet();
            require(Feature.TUN);
            throw new AssertionError("the TCK's own tests must never create a device");
        }

        @Override
        public Tun openTun(InterfaceName name) {
            FACTORY_CALLS.incrementAndGet();
            require(Feature.TUN);
            throw new AssertionError("the TCK's own tests must never open a device");
        }

        @Override
        public Tap createTap(DeviceOptions options) {
            FACTORY_CALLS.incrementAndGet();
            require(Feature.TAP);
            throw new AssertionError("the TCK's own tests must never create a device");
        }

        @Override
        public Tap openTap(InterfaceName name) {
            FACTORY_CALLS.incrementAndGet();
            require(Feature.TAP);
            throw new AssertionError("the TCK's own tests must never open a device");
        }
    }

    /** A skeleton: supports nothing, refuses everything properly. */
    @ProviderInfo(name = "fake-skeleton", os = OsFamily.OTHER)
    public static final class Skeleton extends Base {
    }

    /** Claims TUN and GET_MTU (for the feature-condition tests); still makes no device. */
    @ProviderInfo(name = "fake-tun-only", os = OsFamily.OTHER)
    public static final class TunOnly extends Base {
        @Override
        public Set<Feature> features() {
            return Set.copyOf(EnumSet.of(Feature.TUN, Feature.GET_MTU));
        }
    }

    /** Broken: {@code @ProviderInfo} says one name, {@code name()} another. */
    @ProviderInfo(name = "fake-declared", os = OsFamily.OTHER)
    public static final class Misnamed extends Base {
        @Override
        public String name() {
            return "fake-actual";
        }
    }

    /** Broken: lacks TUN and TAP but its factories return null instead of throwing. */
    @ProviderInfo(name = "fake-silent", os = OsFamily.OTHER)
    public static final class Silent extends Base {
        @Override
        public Tun createTun(DeviceOptions options) {
            return null;
        }

        @Override
        public Tun openTun(InterfaceName name) {
            return null;
        }

        @Override
        public Tap createTap(DeviceOptions options) {
            return null;
        }

        @Override
        public Tap openTap(InterfaceName name) {
            return null;
        }
    }

    /** Broken: hands out its feature set for callers to change. */
    @ProviderInfo(name = "fake-mutable", os = OsFamily.OTHER)
    public static final class MutableFeatures extends Base {
        @Override
        public Set<Feature> features() {
            return new HashSet<>();
        }
    }

    /** Broken: refuses TAP naming the wrong feature and another provider. */
    @ProviderInfo(name = "fake-confused", os = OsFamily.OTHER)
    public static final class WrongFeature extends Base {
        @Override
        public Tap createTap(DeviceOptions options) {
            throw new UnsupportedFeatureException(Feature.TUN, "someone-else", null);
        }
    }

    /** Broken: {@code unavailabilityCause()} returns null. */
    @ProviderInfo(name = "fake-null-cause", os = OsFamily.OTHER)
    public static final class NullCause extends Base {
        @Override
        public Optional<Throwable> unavailabilityCause() {
            return null;
        }
    }

    /** Broken: well-behaved, but not registered with ServiceLoader. */
    @ProviderInfo(name = "fake-unregistered", os = OsFamily.OTHER)
    public static final class Unregistered extends Base {
    }

    /** Broken: no {@code @ProviderInfo} at all. */
    public static final class Undeclared extends Base {
        @Override
        public String name() {
            return "fake-undeclared";
        }
    }
}
