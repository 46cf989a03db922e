package dev.tappers.bench;

/**
 * One line of the table: a test (send or receive) at one payload size, over the measured rounds.
 *
 * @param test           {@code "send"} or {@code "recv"}
 * @param payload        UDP payload bytes
 * @param packets        packets per round (the fewest any measured round reached, when one was cut short)
 * @param packetsPerSecond packets per second over the rounds
 * @param dropPercent    receive test: the share of the packets sent that never reached the reader; NaN for send
 * @param cpuNanosPerPacket CPU time (user and system) of the sending or receiving thread per packet; NaN when not
 *                       measured. Unlike the rate it excludes time spent waiting, so it is the loop's own cost.
 * @param allocatedPerPacket bytes the measuring thread allocated per packet; NaN when not measured (the C side)
 * @param cut            whether a round hit the time limit before reaching the packet count
 */
record ResultRow(String test, int payload, long packets, Summary packetsPerSecond, double dropPercent,
                 double cpuNanosPerPacket, double allocatedPerPacket, boolean cut) {

    ResultRow {
        if (!test.equals("send") && !test.equals("recv")) {
            throw new IllegalArgumentException("result row: test \"" + test + "\" is neither send nor recv");
        }
    }

    /** Bytes of the whole IP packet, which is what the Mbit/s column counts. */
    int ipBytes() {
        return payload + Ipv4Udp.HEADER_BYTES;
    }

    /** Megabits per second of IP packets at the median rate. */
    double megabitsPerSecond() {
        return packetsPerSecond.median() * ipBytes() * 8 / 1e6;
    }
}
