package dev.tappers.linux;

import dev.tappers.Feature;
import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;

/** Placeholder: frame sockets are being written (issue 3). */
final class LinuxFrameSockets {
    private LinuxFrameSockets() {
    }

    static FrameSocket open(InterfaceName name) throws IOException {
        throw new UnsupportedFeatureException(Feature.FRAME_SOCKET, LinuxTappersProvider.NAME, "not written yet");
    }
}
