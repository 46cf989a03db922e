package dev.tappers.cli;

import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.NetworkDevice;
import dev.tappers.Tap;
import dev.tappers.Tappers;
import dev.tappers.Tun;
import dev.tappers.Veth;

import java.io.Closeable;
import java.io.IOException;

/**
 * Opens an existing interface by name for configuration, through the API object for its kind: a TUN or TAP is
 * opened by name (which attaches a descriptor, so a TUN or TAP that another program holds answers EBUSY), a vETH
 * end through its pair. Closing never removes the interface.
 */
final class Devices {
    private Devices() {
    }

    /** An opened device and what to close to let go of it (the pair, for a vETH end). */
    static final class Opened implements Closeable {
        final NetworkDevice device;
        final InterfaceKind kind;
        private final Closeable owner;

        Opened(NetworkDevice device, InterfaceKind kind, Closeable owner) {
            this.device = device;
            this.kind = kind;
            this.owner = owner;
        }

        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    /** The interface called {@code name} in this namespace, or a failure that says how to find the right name. */
    static InterfaceInfo find(String name) throws IOException, CommandException {
        return Tappers.findInterface(name).orElseThrow(() -> new CommandException(ExitCode.FAILURE,
                "no interface called '" + Main.oneLine(name) + "' in this network namespace (tappers list shows them)"));
    }

    static Opened open(String name) throws IOException, CommandException {
        InterfaceInfo info = find(name);
        switch (info.kind()) {
            case TUN: {
                Tun tun = Tun.open(name);
                return new Opened(tun, InterfaceKind.TUN, tun);
            }
            case TAP: {
                Tap tap = Tap.open(name);
                return new Opened(tap, InterfaceKind.TAP, tap);
            }
            case VETH: {
                Veth pair = Veth.open(name);
                return new Opened(pair.end(), InterfaceKind.VETH, pair);
            }
            default:
                throw new CommandException(ExitCode.UNAVAILABLE, name + " is a " + info.kind().toString().toLowerCase()
                        + " interface; tappers manages TUN, TAP and vETH interfaces only");
        }
    }
}
