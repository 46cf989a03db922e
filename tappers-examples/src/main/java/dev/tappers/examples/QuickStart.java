package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Tun;

import java.nio.ByteBuffer;

public class QuickStart {
    public static void main(String[] args) throws Exception {
        try (Tun tun = Tun.create(DeviceOptions.defaults().withNonBlocking(true))) { // the kernel picks the name
            tun.addAddress(AddressRequest.parse("198.18.0.1/24"));
            tun.up();
            System.out.printf("%s: index %d, mtu %d, addresses %s%n", tun.name(), tun.index(), tun.mtu(), tun.addresses());

            ByteBuffer packet = ByteBuffer.allocateDirect(tun.maxPacketSize());
            int length = tun.receive(packet); // nonblocking: 0 while nothing is waiting
            for (int tries = 0; length == 0 && tries < 500; tries++) { // wait at most about 5 seconds
                Thread.sleep(10);
                length = tun.receive(packet);
            }
            System.out.println(length > 0 ? "received an IPv" + (packet.get(0) >> 4) + " packet of " + length + " bytes"
                    : "no packet within 5 seconds");
        } // closing removes the device
    }
}
