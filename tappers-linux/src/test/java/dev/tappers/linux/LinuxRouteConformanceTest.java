package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.RouteConformanceTest;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** The TCK's route tests on real TUN devices, with procfs's route tables as the independent view. */
class LinuxRouteConformanceTest extends RouteConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }

    @Override
    protected Optional<Set<String>> systemRouteDestinations(String interfaceName) throws IOException {
        return Optional.of(ProcNetRoutes.destinations(interfaceName));
    }
}
