package dev.tappers.linux;

import dev.tappers.Feature;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Placeholder: adopting and passing descriptors is being written (issue 3). */
final class DescriptorAdoption {
    private DescriptorAdoption() {
    }

    static Tun adoptTun(int descriptor, boolean owned) throws IOException {
        throw new UnsupportedFeatureException(Feature.ADOPT_DESCRIPTOR, LinuxTappersProvider.NAME, "not written yet");
    }

    static Tap adoptTap(int descriptor, boolean owned) throws IOException {
        throw new UnsupportedFeatureException(Feature.ADOPT_DESCRIPTOR, LinuxTappersProvider.NAME, "not written yet");
    }

    static Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, LinuxTappersProvider.NAME, "not written yet");
    }

    static Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, LinuxTappersProvider.NAME, "not written yet");
    }
}
