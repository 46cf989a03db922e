package dev.tappers.windows;

/**
 * The IP Helper (iphlpapi.dll, netioapi.h) rows the provider fills, laid out from their field lists
 * (Microsoft Learn netioapi reference; mingw-w64 headers). Enums, ULONG, NET_IFINDEX and BOOL are 4 bytes;
 * BOOLEAN and UCHAR 1; NET_LUID and LARGE_INTEGER 8. The layouts are the same on x86_64 and i686.
 */
final class IpHelperStructs {

    private IpHelperStructs() {
    }

    /** SOCKADDR_INET (ws2ipdef.h): a union of SOCKADDR_IN, SOCKADDR_IN6 (28 bytes) and a u16 si_family. */
    static final int SOCKADDR_INET_SIZE = 28;
    static final int SOCKADDR_INET_ALIGN = 4;

    /** IP_ADDRESS_PREFIX (netioapi.h): SOCKADDR_INET Prefix; UINT8 PrefixLength. */
    static final class IpAddressPrefix {
        static final int PREFIX;
        static final int PREFIX_LENGTH;
        static final int SIZE;

        static {
            CLayout l = new CLayout();
            PREFIX = l.field(SOCKADDR_INET_SIZE, SOCKADDR_INET_ALIGN);
            PREFIX_LENGTH = l.u8();
            SIZE = l.size();
        }

        private IpAddressPrefix() {
        }
    }

    /** MIB_UNICASTIPADDRESS_ROW: one address on one interface. */
    static final class UnicastIpAddressRow {
        static final int ADDRESS;
        static final int INTERFACE_LUID;
        static final int INTERFACE_INDEX;
        static final int PREFIX_ORIGIN;
        static final int SUFFIX_ORIGIN;
        static final int VALID_LIFETIME;
        static final int PREFERRED_LIFETIME;
        static final int ON_LINK_PREFIX_LENGTH;
        static final int SKIP_AS_SOURCE;
        static final int DAD_STATE;
        static final int SCOPE_ID;
        static final int CREATION_TIME_STAMP;
        static final int SIZE;

        static {
            CLayout l = new CLayout();
            ADDRESS = l.field(SOCKADDR_INET_SIZE, SOCKADDR_INET_ALIGN);
            INTERFACE_LUID = l.u64();
            INTERFACE_INDEX = l.u32();
            PREFIX_ORIGIN = l.u32();
            SUFFIX_ORIGIN = l.u32();
            VALID_LIFETIME = l.u32();
            PREFERRED_LIFETIME = l.u32();
            ON_LINK_PREFIX_LENGTH = l.u8();
            SKIP_AS_SOURCE = l.u8();
            DAD_STATE = l.u32();
            SCOPE_ID = l.u32();
            CREATION_TIME_STAMP = l.u64();
            SIZE = l.size();
        }

        private UnicastIpAddressRow() {
        }
    }

    /** MIB_IPINTERFACE_ROW: per-family interface settings (MTU, metric...). */
    static final class IpInterfaceRow {
        /** ScopeLevelCount (ws2def.h): ZoneIndices has one ULONG per scope level. */
        static final int SCOPE_LEVEL_COUNT = 16;

        static final int FAMILY;
        static final int INTERFACE_LUID;
        static final int INTERFACE_INDEX;
        static final int USE_AUTOMATIC_METRIC;
        static final int SITE_PREFIX_LENGTH;
        static final int METRIC;
        static final int NL_MTU;
        static final int CONNECTED;
        static final int TRANSMIT_OFFLOAD;
        static final int RECEIVE_OFFLOAD;
        static final int DISABLE_DEFAULT_ROUTES;
        static final int SIZE;

        static {
            CLayout l = new CLayout();
            FAMILY = l.u16();
            INTERFACE_LUID = l.u64();
            INTERFACE_INDEX = l.u32();
            l.u32(); // MaxReassemblySize
            l.u64(); // InterfaceIdentifier
            l.u32(); // MinRouterAdvertisementInterval
            l.u32(); // MaxRouterAdvertisementInterval
            l.u8(); // AdvertisingEnabled
            l.u8(); // ForwardingEnabled
            l.u8(); // WeakHostSend
            l.u8(); // WeakHostReceive
            USE_AUTOMATIC_METRIC = l.u8();
            l.u8(); // UseNeighborUnreachabilityDetection
            l.u8(); // ManagedAddressConfigurationSupported
            l.u8(); // OtherStatefulConfigurationSupported
            l.u8(); // AdvertiseDefaultRoute
            l.u32(); // RouterDiscoveryBehavior
            l.u32(); // DadTransmits
            l.u32(); // BaseReachableTime
            l.u32(); // RetransmitTime
            l.u32(); // PathMtuDiscoveryTimeout
            l.u32(); // LinkLocalAddressBehavior
            l.u32(); // LinkLocalAddressTimeout
            l.field(4 * SCOPE_LEVEL_COUNT, 4); // ZoneIndices
            SITE_PREFIX_LENGTH = l.u32();
            METRIC = l.u32();
            NL_MTU = l.u32();
            CONNECTED = l.u8();
            l.u8(); // SupportsWakeUpPatterns
            l.u8(); // SupportsNeighborDiscovery
            l.u8(); // SupportsRouterDiscovery
            l.u32(); // ReachableTime
            // NL_INTERFACE_OFFLOAD_ROD is a 1-byte bitfield struct; golang/sys declares it uint32, which is wrong.
            TRANSMIT_OFFLOAD = l.u8();
            RECEIVE_OFFLOAD = l.u8();
            DISABLE_DEFAULT_ROUTES = l.u8();
            SIZE = l.size();
        }

        private IpInterfaceRow() {
        }
    }

    /** MIB_IPFORWARD_ROW2: one route. */
    static final class IpForwardRow2 {
        static final int INTERFACE_LUID;
        static final int INTERFACE_INDEX;
        static final int DESTINATION_PREFIX;
        static final int NEXT_HOP;
        static final int SITE_PREFIX_LENGTH;
        static final int VALID_LIFETIME;
        static final int PREFERRED_LIFETIME;
        static final int METRIC;
        static final int PROTOCOL;
        static final int LOOPBACK;
        static final int AUTOCONFIGURE_ADDRESS;
        static final int PUBLISH;
        static final int IMMORTAL;
        static final int AGE;
        static final int ORIGIN;
        static final int SIZE;

        static {
            CLayout l = new CLayout();
            INTERFACE_LUID = l.u64();
            INTERFACE_INDEX = l.u32();
            DESTINATION_PREFIX = l.field(IpAddressPrefix.SIZE, SOCKADDR_INET_ALIGN);
            NEXT_HOP = l.field(SOCKADDR_INET_SIZE, SOCKADDR_INET_ALIGN);
            SITE_PREFIX_LENGTH = l.u8();
            VALID_LIFETIME = l.u32();
            PREFERRED_LIFETIME = l.u32();
            METRIC = l.u32();
            PROTOCOL = l.u32();
            LOOPBACK = l.u8();
            AUTOCONFIGURE_ADDRESS = l.u8();
            PUBLISH = l.u8();
            IMMORTAL = l.u8();
            AGE = l.u32();
            ORIGIN = l.u32();
            SIZE = l.size();
        }

        private IpForwardRow2() {
        }
    }

    /** MIB_UNICASTIPADDRESS_TABLE and friends: ULONG NumEntries, padding, then the rows. */
    static final int MIB_TABLE_HEADER_SIZE = 8;
}
