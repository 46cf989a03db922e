package dev.tappers.cli;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void scalars() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("-42", Json.write(-42));
        assertEquals("9007199254740993", Json.write(9007199254740993L));
        assertEquals("\"tun0\"", Json.write("tun0"));
    }

    @Test
    void quoteBackslashAndControlCharactersAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", Json.write("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", Json.write("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u0001\\u001f\\u007f\"", Json.write("\u0000\u0001\u001f\u007f"));
        assertEquals("\" /<>'\"", Json.write(" /<>'")); // nothing else needs escaping (RFC 8259 section 7)
    }

    @Test
    void nonAsciiIsKeptAndUnpairedSurrogatesAreEscaped() {
        assertEquals("\"é€😀\"", Json.write("é€😀")); // a valid pair stays as it is
        assertEquals("\"a\\ud800b\"", Json.write("a\ud800b"));
        assertEquals("\"\\udc00\"", Json.write("\udc00"));
        assertEquals("\"x\\ud83d\"", Json.write("x\ud83d")); // a high surrogate at the very end
    }

    @Test
    void objectsKeepTheirOrderAndNestWithIndentation() {
        Map<String, Object> iface = new LinkedHashMap<>();
        iface.put("name", "tun0");
        iface.put("mtu", 1500);
        iface.put("mac", null);
        iface.put("addresses", List.of("198.18.0.1/24", "2001:db8::1/64"));
        iface.put("empty", List.of());
        iface.put("none", Map.of());
        assertEquals("[\n"
                + "  {\n"
                + "    \"name\": \"tun0\",\n"
                + "    \"mtu\": 1500,\n"
                + "    \"mac\": null,\n"
                + "    \"addresses\": [\n"
                + "      \"198.18.0.1/24\",\n"
                + "      \"2001:db8::1/64\"\n"
                + "    ],\n"
                + "    \"empty\": [],\n"
                + "    \"none\": {}\n"
                + "  }\n"
                + "]", Json.write(List.of(iface)));
    }

    @Test
    void keysAreEscapedToo() {
        assertEquals("{\n  \"a\\\"b\": 1\n}", Json.write(Map.of("a\"b", 1)));
    }

    @Test
    void nullsInsideListsAndUnsupportedTypes() {
        assertEquals("[\n  null,\n  1\n]", Json.write(Arrays.asList(null, 1)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.5));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
    }
}
