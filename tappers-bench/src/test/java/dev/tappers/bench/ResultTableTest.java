package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest {
    private static final ResultRow SEND = new ResultRow("send", 64, 200_000, new Summary(500_000, 450_000, 510_000),
            Double.NaN, 2000.4, 0.0, false);
    private static final ResultRow RECV = new ResultRow("recv", 1400, 150_000, new Summary(250_000.4, 200_000, 260_000),
            12.346, 1700, 438.94, true);

    @Test
    void megabitsCountWholeIpPackets() {
        assertEquals(92, SEND.ipBytes());
        assertEquals(500_000 * 92 * 8 / 1e6, SEND.megabitsPerSecond(), 1e-9);
    }

    @Test
    void rowsLineUpUnderTheHeader() {
        String send = ResultTable.row(SEND);
        assertEquals("send       64       92   200000      500000      450000      510000     368.0       -       2000         0.0", send);
        assertEquals(ResultTable.HEADER.length(), send.length());
        String recv = ResultTable.row(RECV);
        assertEquals("recv     1400     1428   150000      250000      200000      260000    2856.0  12.35%       1700       438.9"
                + "  (cut by time limit)", recv);
    }

    @Test
    void notMeasuredIsADash() {
        ResultRow c = new ResultRow("send", 512, 10, new Summary(1, 1, 1), Double.NaN, Double.NaN, Double.NaN, false);
        assertTrue(ResultTable.row(c).endsWith("       -          -           -"), ResultTable.row(c));
        assertEquals("RESULT c send 512 1 0.0 - - -", ResultTable.resultLine("c", c));
    }

    @Test
    void resultLinesCarryTheFiguresForTheScript() {
        assertEquals("RESULT java send 64 500000 368.0 - 2000 0.0", ResultTable.resultLine("java", SEND));
        assertEquals("RESULT java recv 1400 250000 2856.0 12.35% 1700 438.9", ResultTable.resultLine("java", RECV));
    }

    @Test
    void onlySendAndRecvAreTests() {
        assertThrows(IllegalArgumentException.class,
                () -> new ResultRow("ping", 64, 1, new Summary(1, 1, 1), Double.NaN, Double.NaN, Double.NaN, false));
    }

    /** The C reference must print the same table and build the same packets: its constants are checked here. */
    @Test
    void theCReferenceUsesTheSameHeaderAndConstants() throws IOException {
        String c = Files.readString(Path.of("src/main/c/tun_bench.c"));
        Map<String, String> defines = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^#define (\\w+) (.+)$").matcher(c);
        while (m.find()) {
            defines.put(m.group(1), m.group(2).trim());
        }
        assertEquals('"' + ResultTable.HEADER + '"', defines.get("ROW_HEADER"));
        assertEquals(String.valueOf(BenchConfig.DEFAULT_PACKETS), defines.get("DEFAULT_PACKETS"));
        assertEquals(String.valueOf(BenchConfig.DEFAULT_WARMUPS), defines.get("DEFAULT_WARMUPS"));
        assertEquals(String.valueOf(BenchConfig.DEFAULT_ROUNDS), defines.get("DEFAULT_ROUNDS"));
        assertEquals(String.valueOf(BenchConfig.DEFAULT_MAX_SECONDS), defines.get("DEFAULT_MAX_SECONDS"));
        assertEquals(String.valueOf(Ipv4Udp.HEADER_BYTES), defines.get("HEADER_BYTES"));
        assertEquals(String.valueOf(Ipv4Udp.DISCARD_PORT), defines.get("DISCARD_PORT"));
        assertEquals(String.valueOf(Ipv4Udp.SEND_SOURCE_PORT), defines.get("SEND_SOURCE_PORT"));
        assertEquals(String.valueOf(Ipv4Udp.END_MARKER_PAYLOAD), defines.get("END_MARKER_PAYLOAD"));
        assertEquals(String.valueOf(dev.tappers.Tun.MAX_PACKET_SIZE), defines.get("MAX_PACKET").split("\\s")[0]);
        assertTrue(c.contains("TUN_ADDRESS[4] = {198, 18, 100, 1}"), "the C side's TUN address");
        assertTrue(c.contains("PEER_ADDRESS[4] = {198, 18, 100, 2}"), "the C side's peer address");
    }
}
