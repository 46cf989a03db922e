package dev.tappers.cli;

import dev.tappers.InterfaceInfo;
import dev.tappers.Tappers;

import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interface as {@code list} and {@code show} print it: what the provider lists, plus the addresses.
 *
 * <p>The addresses come from {@link NetworkInterface}, read-only, because the API reports addresses through a
 * device object only, and opening a TUN or TAP by name attaches a descriptor (and fails for one that another
 * program holds): listing must never change or disturb what it lists.
 */
record InterfaceView(InterfaceInfo info, List<String> addresses) {

    static List<InterfaceView> all() throws IOException {
        List<InterfaceView> out = new ArrayList<>();
        for (InterfaceInfo info : Tappers.interfaces()) {
            out.add(of(info));
        }
        return out;
    }

    static InterfaceView of(InterfaceInfo info) throws SocketException {
        List<String> addresses = new ArrayList<>();
        NetworkInterface nif = NetworkInterface.getByIndex(info.index());
        if (nif != null) {
            for (InterfaceAddress a : nif.getInterfaceAddresses()) {
                addresses.add(AddressText.of(a.getAddress()) + "/" + a.getNetworkPrefixLength());
            }
        }
        addresses.sort((x, y) -> Boolean.compare(x.contains(":"), y.contains(":"))); // IPv4 first, then IPv6
        return new InterfaceView(info, List.copyOf(addresses));
    }

    String name() {
        return info.name().value();
    }

    String kind() {
        return info.kind().toString().toLowerCase();
    }

    String state() {
        return info.state().toString().toLowerCase();
    }

    /** The JSON object for {@code --json}. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name());
        m.put("index", info.index());
        m.put("kind", kind());
        m.put("state", state());
        m.put("mtu", info.mtu());
        m.put("mac", info.mac().map(Object::toString).orElse(null));
        m.put("addresses", addresses);
        return m;
    }
}
