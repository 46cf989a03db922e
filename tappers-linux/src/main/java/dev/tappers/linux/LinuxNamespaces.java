package dev.tappers.linux;

import dev.tappers.Feature;
import dev.tappers.NetworkNamespace;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;

/** Placeholder: network namespaces are being written (issue 3). */
final class LinuxNamespaces {
    private LinuxNamespaces() {
    }

    static NetworkNamespace create(String nameOrNull) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, LinuxTappersProvider.NAME, "not written yet");
    }

    static NetworkNamespace open(String name) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, LinuxTappersProvider.NAME, "not written yet");
    }
}
