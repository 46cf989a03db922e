package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.InterfaceInfo;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tappers;
import dev.tappers.Tun;

/** A TUN made inside a new network namespace, configured from outside it, and listed from inside. */
public class NamespaceExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        try (NetworkNamespace ns = NetworkNamespace.createAnonymous();
             Tun tun = ns.call(() -> Tun.create())) { // made on the namespace's own thread, so it lives there
            tun.addAddress(AddressRequest.parse("198.51.100.1/24")); // from this thread: the TUN knows its namespace
            tun.setMtu(1400);
            tun.up();
            System.out.println(tun.name() + " has " + tun.addresses() + ", mtu " + tun.mtu() + ", " + tun.state());

            String format = "%-8s %s (index %d) %s, %s, mtu %d%n";
            for (InterfaceInfo i : ns.call(Tappers::interfaces)) { // listed from a thread inside the namespace
                System.out.printf(format, "inside:", i.name(), i.index(), i.kind(), i.state(), i.mtu());
            }
            for (InterfaceInfo i : Tappers.interfaces()) { // listed from this thread, outside it
                System.out.printf(format, "outside:", i.name(), i.index(), i.kind(), i.state(), i.mtu());
            }
            System.out.println("found outside by name: " + Tappers.findInterface(tun.name().value()).isPresent());
        } // the TUN goes with its last descriptor, the namespace with its object
    }
}
