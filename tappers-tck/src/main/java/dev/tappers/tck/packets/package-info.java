/**
 * Small builders and parsers for the packets the conformance tests exchange: Ethernet, ARP, IPv4, IPv6, UDP and
 * ICMPv4 echo, with their checksums. Pure functions over byte arrays and {@link java.nio.ByteBuffer}s.
 */
package dev.tappers.tck.packets;
