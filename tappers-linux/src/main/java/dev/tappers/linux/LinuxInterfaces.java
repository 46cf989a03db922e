package dev.tappers.linux;

import dev.tappers.Feature;
import dev.tappers.InterfaceInfo;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;
import java.util.List;

/** Placeholder: interface listing is being written (issue 3). */
final class LinuxInterfaces {
    private LinuxInterfaces() {
    }

    static List<InterfaceInfo> list() throws IOException {
        throw new UnsupportedFeatureException(Feature.INTERFACE_LIST, LinuxTappersProvider.NAME, "not written yet");
    }
}
