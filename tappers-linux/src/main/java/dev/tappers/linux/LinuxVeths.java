package dev.tappers.linux;

import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.Veth;
import dev.tappers.VethOptions;

import java.io.IOException;

/** Placeholder: vETH pairs are being written (issue 3). */
final class LinuxVeths {
    private LinuxVeths() {
    }

    static Veth create(VethOptions options) throws IOException {
        throw new UnsupportedFeatureException(Feature.VETH, LinuxTappersProvider.NAME, "not written yet");
    }

    static Veth open(InterfaceName name) throws IOException {
        throw new UnsupportedFeatureException(Feature.VETH, LinuxTappersProvider.NAME, "not written yet");
    }
}
