package dev.tappers;

import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the provider for this machine.
 *
 * <p>Every {@link TappersProvider} on the module path or class path is considered. A provider whose
 * {@link ProviderInfo} names other operating systems is passed over <em>before</em> it is instantiated, so its
 * native code never loads. The rest are instantiated and asked for {@link TappersProvider#unavailabilityCause()};
 * the usable one with the highest priority wins. The system property {@value #PROVIDER_PROPERTY} forces a
 * provider by name (skipping the OS filter, so a provider can be tried anywhere). When nothing fits, a
 * {@link NoProviderException} lists each provider seen and why it was rejected.
 *
 * <pre>{@code
 * TappersProvider provider = Tappers.provider();          // the one for this OS
 * System.out.println(provider.name() + ": " + provider.features());
 * for (ProviderCandidate candidate : Tappers.candidates()) { // why each other one was passed over
 *     System.out.println(candidate);
 * }
 * Tappers.findInterface("lo").ifPresent(lo -> System.out.println(lo.mtu()));
 * }</pre>
 */
public final class Tappers {
    /** System property naming the provider to use, such as {@code -Dtappers.provider=linux}. */
    public static final String PROVIDER_PROPERTY = "tappers.provider";

    private static final Map<String, TappersProvider> CHOSEN = new ConcurrentHashMap<>();

    private Tappers() {
    }

    /**
     * The provider for this machine (or the one {@value #PROVIDER_PROPERTY} names). Found once, then cached.
     *
     * @return the provider
     * @throws NoProviderException when no provider fits this machine, listing each one seen and why it was rejected
     */
    public static TappersProvider provider() {
        String forced = System.getProperty(PROVIDER_PROPERTY, "").trim();
        return CHOSEN.computeIfAbsent(forced, f -> select(load(), OsFamily.current(), f.isEmpty() ? null : f));
    }

    /**
     * The provider with the given name, if it is present and reports itself available; like the
     * {@value #PROVIDER_PROPERTY} property, this skips the OS filter.
     *
     * @param name the provider's name, as in its {@link ProviderInfo}
     * @return the provider
     * @throws NoProviderException when no provider by that name is present and available
     */
    public static TappersProvider provider(String name) {
        return select(load(), OsFamily.current(), name);
    }

    /**
     * Every interface in the caller's network namespace. Needs {@link Feature#INTERFACE_LIST}.
     *
     * @return the interfaces
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#INTERFACE_LIST}
     * @throws java.io.IOException when the OS refuses to list the interfaces
     */
    public static List<InterfaceInfo> interfaces() throws java.io.IOException {
        return provider().listInterfaces();
    }

    /**
     * The interface with this name, if there is one.
     *
     * @param name the interface name
     * @return the interface, or empty
     * @throws IllegalArgumentException when {@code name} is not a valid interface name
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#INTERFACE_LIST}
     * @throws java.io.IOException when the OS refuses to list the interfaces
     */
    public static Optional<InterfaceInfo> findInterface(String name) throws java.io.IOException {
        InterfaceName wanted = InterfaceName.of(name);
        return interfaces().stream().filter(i -> i.name().equals(wanted)).findFirst();
    }

    /**
     * The interface with this index, if there is one.
     *
     * @param index the interface index
     * @return the interface, or empty
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#INTERFACE_LIST}
     * @throws java.io.IOException when the OS refuses to list the interfaces
     */
    public static Optional<InterfaceInfo> findInterface(int index) throws java.io.IOException {
        return interfaces().stream().filter(i -> i.index() == index).findFirst();
    }

    /**
     * What discovery makes of every provider it can see, for diagnostics.
     *
     * @return one entry per provider found, usable or not
     */
    public static List<ProviderCandidate> candidates() {
        List<ProviderCandidate> out = new ArrayList<>();
        examine(load(), OsFamily.current(), null, out);
        return out;
    }

    private static List<ServiceLoader.Provider<TappersProvider>> load() {
        return ServiceLoader.load(TappersProvider.class).stream().collect(Collectors.toList());
    }

    /** Discovery itself, apart from the ServiceLoader, so it can be tested with fake providers. */
    static TappersProvider select(List<? extends ServiceLoader.Provider<? extends TappersProvider>> found, OsFamily os,
                                  String forced) {
        List<ProviderCandidate> seen = new ArrayList<>();
        List<Usable> usable = examine(found, os, forced, seen);
        Optional<Usable> best = usable.stream().max(Comparator.comparingInt(Usable::priority));
        if (best.isPresent()) {
            return best.get().provider();
        }
        NoProviderException e = new NoProviderException(describeFailure(seen, os, forced));
        seen.forEach(c -> c.cause().ifPresent(e::addSuppressed));
        throw e;
    }

    /** A provider that passed, with the priority its declared type (not its instance's class) gives. */
    private record Usable(TappersProvider provider, int priority) {
    }

    private static List<Usable> examine(List<? extends ServiceLoader.Provider<? extends TappersProvider>> found,
                                                 OsFamily os, String forced, List<ProviderCandidate> seen) {
        List<Usable> usable = new ArrayList<>();
        for (ServiceLoader.Provider<? extends TappersProvider> p : found) {
            Class<?> type = p.type();
            Optional<ProviderInfo> info = infoOf(type);
            String name = info.map(ProviderInfo::name).orElse(type.getName());
            List<OsFamily> oses = info.map(i -> Arrays.asList(i.os())).orElse(List.of());
            int priority = info.map(ProviderInfo::priority).orElse(0);
            String rejection = null;
            Throwable cause = null;
            if (info.isEmpty()) {
                rejection = "its class lacks @" + ProviderInfo.class.getSimpleName();
            } else if (forced != null && !forced.equals(name)) {
                rejection = "the " + PROVIDER_PROPERTY + " property asks for '" + forced + "'";
            } else if (forced == null && !oses.contains(os)) {
                rejection = "it is for " + oses + " and this is " + os;
            } else {
                try {
                    TappersProvider provider = p.get();
                    Optional<Throwable> unavailable = provider.unavailabilityCause();
                    if (unavailable.isPresent()) {
                        cause = unavailable.get();
                        rejection = "unavailable: " + cause.getMessage();
                    } else {
                        usable.add(new Usable(provider, priority));
                    }
                } catch (Throwable t) { // a broken provider must not break discovery of the others
                    cause = t;
                    rejection = "failed to load: " + t;
                }
            }
            seen.add(new ProviderCandidate(type.getName(), name, oses, priority, Optional.ofNullable(rejection),
                    Optional.ofNullable(cause)));
        }
        return usable;
    }

    private static Optional<ProviderInfo> infoOf(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(ProviderInfo.class));
    }

    private static String describeFailure(List<ProviderCandidate> seen, OsFamily os, String forced) {
        StringBuilder s = new StringBuilder("no tappers provider fits ")
                .append(forced != null ? "the name '" + forced + "' (from -D" + PROVIDER_PROPERTY + ")" : "this " + os + " machine")
                .append(" (os.name=").append(System.getProperty("os.name")).append(", os.arch=")
                .append(System.getProperty("os.arch")).append(")");
        if (seen.isEmpty()) {
            s.append(". No provider is on the class or module path");
        } else {
            s.append(". Providers seen:");
            for (ProviderCandidate c : seen) {
                s.append("\n  - ").append(c);
            }
        }
        s.append("\nAdd the provider for this OS, such as dev.tappers:tappers-").append(artifactHint(os))
                .append(", to the dependencies.");
        return s.toString();
    }

    private static String artifactHint(OsFamily os) {
        switch (os) {
            case LINUX: return "linux";
            case MACOS: return "macos";
            case WINDOWS: return "windows";
            case SOLARIS: return "solaris";
            case AIX: return "aix";
            case FREEBSD: case OPENBSD: case NETBSD: case DRAGONFLY: return "bsd";
            default: return "<os>";
        }
    }
}
