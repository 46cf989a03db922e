/**
 * The Linux provider: TUN and TAP through /dev/net/tun, interface ioctls and rtnetlink.
 * JNA is confined to dev.tappers.linux.jna; the netlink codec is pure Java.
 */
module dev.tappers.linux {
    requires transitive dev.tappers;
    requires dev.tappers.posix;
    requires com.sun.jna;

    provides dev.tappers.spi.TappersProvider with dev.tappers.linux.LinuxTappersProvider;

    opens dev.tappers.linux.jna to com.sun.jna;
}
