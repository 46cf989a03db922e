package dev.tappers.windows;

/**
 * Lays out a C struct the way MSVC and mingw-w64 do: each field at the next multiple of its alignment, the
 * struct padded to its largest alignment. Offsets in {@link IpHelperStructs} come from the field list in
 * netioapi.h through this class, so a forgotten or mis-sized field moves every later offset and fails the
 * tests against the compiler-checked values in PLATFORMS.md section 9.3.
 */
final class CLayout {

    private int size;
    private int alignment = 1;

    /** Adds a field of {@code fieldSize} bytes aligned to {@code fieldAlignment}, returning its offset. */
    int field(int fieldSize, int fieldAlignment) {
        if (fieldSize < 0 || Integer.bitCount(fieldAlignment) != 1) {
            throw new IllegalArgumentException("lay out struct field: size " + fieldSize + " or alignment "
                    + fieldAlignment + " is invalid");
        }
        size = align(size, fieldAlignment);
        int offset = size;
        size += fieldSize;
        alignment = Math.max(alignment, fieldAlignment);
        return offset;
    }

    int u8() {
        return field(1, 1);
    }

    int u16() {
        return field(2, 2);
    }

    int u32() {
        return field(4, 4);
    }

    int u64() {
        return field(8, 8);
    }

    /** The struct's size: its end, padded to its largest alignment. */
    int size() {
        return align(size, alignment);
    }

    private static int align(int n, int to) {
        return (n + to - 1) & -to;
    }
}
