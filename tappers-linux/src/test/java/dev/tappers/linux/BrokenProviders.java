package dev.tappers.linux;

import dev.tappers.DeviceState;
import dev.tappers.PacketDevice;
import dev.tappers.spi.TappersProvider;

import java.util.Optional;

/**
 * The Linux provider with one deliberate fault each, as the Rust crate shipped them: a TCK that passes these
 * would be worthless. {@code BrokenProviderTckTest} runs the TCK against them and expects the matching tests
 * to fail.
 */
final class BrokenProviders {
    private BrokenProviders() {
    }

    /** setMtu does nothing and reports success: a silent no-op. */
    static final TappersProvider SILENT_MTU = new FaultyLinuxProvider((device, method, args, memory) ->
            method.getName().equals("setMtu") ? Optional.of(FaultyLinuxProvider.NOTHING) : Optional.empty());

    /** state() reads the TUN flags instead of the interface flags: a TUN always looks up (the Rust bug). */
    static final TappersProvider STATE_FROM_TUN_FLAGS = new FaultyLinuxProvider((device, method, args, memory) ->
            method.getName().equals("state") ? Optional.of(DeviceState.UP) : Optional.empty());

    /** close() never removes the device it created. */
    static final TappersProvider CLOSE_LEAKS = new FaultyLinuxProvider((device, method, args, memory) -> {
        if (method.getName().equals("close")) {
            ((PacketDevice) device).setPersistent(true);
        }
        return Optional.empty();
    });
}
