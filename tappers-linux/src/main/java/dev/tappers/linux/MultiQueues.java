package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.MultiQueue;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;

/** Placeholder: multi-queue devices are being written (issue 3). */
final class MultiQueues {
    private MultiQueues() {
    }

    static MultiQueue<Tun> createTun(DeviceOptions options, int queues) throws IOException {
        throw new UnsupportedFeatureException(Feature.MULTI_QUEUE, LinuxTappersProvider.NAME, "not written yet");
    }

    static MultiQueue<Tap> createTap(DeviceOptions options, int queues) throws IOException {
        throw new UnsupportedFeatureException(Feature.MULTI_QUEUE, LinuxTappersProvider.NAME, "not written yet");
    }
}
