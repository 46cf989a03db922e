package dev.tappers.linux.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The packet-path calls through the JDK's own foreign function interface ({@code java.lang.foreign}, final in
 * Java 22), for when it is faster than JNA: a downcall handle is a plain {@link MethodHandle} the JIT inlines, with
 * no JNA frames around the call.
 *
 * <p>The library is built for Java 17, where {@code java.lang.foreign} does not exist, so everything here is
 * looked up reflectively once, at class load; the hot path is then only {@code invokeExact} on
 * {@code static final} handles. The handles take the C pointers as {@code long} addresses (the same register
 * class as a pointer on every 64-bit ABI) and capture errno into a per-caller state block
 * ({@code Linker.Option.captureCallState("errno")}), which each {@link PacketIo} allocates once with JNA and
 * reads without allocating.
 *
 * <p>Chosen at run time ({@link #SELECTED}): with {@code -Dtappers.native=ffm} or {@code =jna} as asked; by
 * default when this JVM is Java 22 or later and native access is enabled for this module on the module path
 * ({@code --enable-native-access=dev.tappers.linux}), so that the JDK's warning about restricted methods never
 * appears unasked. On the class path, only when asked. Otherwise JNA, the Java 17 baseline.
 */
final class FfmPacketCalls {
    /** The system property that picks the packet-path binding: {@code ffm} or {@code jna}. */
    static final String PROPERTY = "tappers.native";

    /** Why the foreign function interface is not used here (not asked for, or not available); empty when it is. */
    static final Optional<String> UNAVAILABLE;
    /** Whether the packet path uses this class instead of {@link PacketCalls}. */
    static final boolean SELECTED;

    private static final MethodHandle READ;
    private static final MethodHandle READV;
    private static final MethodHandle WRITE;
    private static final MethodHandle WRITEV;
    private static final MethodHandle POLL;
    /** Size of the call-state block and where errno lies in it ({@code Linker.Option.captureStateLayout()}). */
    static final long STATE_SIZE;
    static final long ERRNO_OFFSET;

    private static final Class<?> MEMORY_SEGMENT;
    private static final Method OF_ADDRESS;
    private static final Method REINTERPRET;

    static {
        MethodHandle read = null;
        MethodHandle readv = null;
        MethodHandle write = null;
        MethodHandle writev = null;
        MethodHandle poll = null;
        long stateSize = 0;
        long errnoOffset = 0;
        Class<?> segment = null;
        Method ofAddress = null;
        Method reinterpret = null;
        String unavailable = null;
        try {
            // Nothing of java.lang.foreign is touched unless asked for: a lookup alone makes the JDK print its
            // restricted-method warning.
            if (!wanted()) {
                throw new UnsupportedOperationException("not asked for (-D" + PROPERTY + "=ffm, or native access "
                        + "enabled for module dev.tappers.linux)");
            }
            if (Runtime.version().feature() < 22) {
                throw new UnsupportedOperationException("java.lang.foreign is final from Java 22; this is "
                        + Runtime.version());
            }
            Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
            Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> pathClass = Class.forName("java.lang.foreign.MemoryLayout$PathElement");
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
            segment = Class.forName("java.lang.foreign.MemorySegment");
            Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
            Method find = lookupClass.getMethod("find", String.class);
            Object jint = valueLayout.getField("JAVA_INT").get(null);
            Object jlong = valueLayout.getField("JAVA_LONG").get(null);
            Method descriptorOf = descriptorClass.getMethod("of", layoutClass, layoutClass.arrayType());
            Object capture = optionClass.getMethod("captureCallState", String[].class)
                    .invoke(null, (Object) new String[] {"errno"});
            Object options = Array.newInstance(optionClass, 1);
            Array.set(options, 0, capture);
            Method downcall = linkerClass.getMethod("downcallHandle", segment, descriptorClass, options.getClass());

            Object layouts3 = Array.newInstance(layoutClass, 3);
            Array.set(layouts3, 0, jint);
            Array.set(layouts3, 1, jlong);
            Array.set(layouts3, 2, jlong);
            Object intLongInt = Array.newInstance(layoutClass, 3);
            Array.set(intLongInt, 0, jint);
            Array.set(intLongInt, 1, jlong);
            Array.set(intLongInt, 2, jint);
            Object longLongInt = Array.newInstance(layoutClass, 3);
            Array.set(longLongInt, 0, jlong);
            Array.set(longLongInt, 1, jlong);
            Array.set(longLongInt, 2, jint);
            // ssize_t read/write(int, void *, size_t); ssize_t readv/writev(int, const struct iovec *, int);
            // int poll(struct pollfd *, nfds_t, int)
            Object ioDescriptor = descriptorOf.invoke(null, jlong, layouts3);
            Object vectorDescriptor = descriptorOf.invoke(null, jlong, intLongInt);
            Object pollDescriptor = descriptorOf.invoke(null, jint, longLongInt);
            read = handle(downcall, linker, find, lookup, "read", ioDescriptor, options);
            readv = handle(downcall, linker, find, lookup, "readv", vectorDescriptor, options);
            write = handle(downcall, linker, find, lookup, "write", ioDescriptor, options);
            writev = handle(downcall, linker, find, lookup, "writev", vectorDescriptor, options);
            poll = handle(downcall, linker, find, lookup, "poll", pollDescriptor, options);

            Object stateLayout = optionClass.getMethod("captureStateLayout").invoke(null);
            Object path = Array.newInstance(pathClass, 1);
            Array.set(path, 0, pathClass.getMethod("groupElement", String.class).invoke(null, "errno"));
            errnoOffset = (long) layoutClass.getMethod("byteOffset", path.getClass()).invoke(stateLayout, path);
            stateSize = (long) layoutClass.getMethod("byteSize").invoke(stateLayout);
            ofAddress = segment.getMethod("ofAddress", long.class);
            reinterpret = segment.getMethod("reinterpret", long.class);
        } catch (Throwable t) { // Java 17-21, native access refused, or any surprise: JNA stays
            unavailable = t.getClass().getSimpleName() + ": " + (t.getCause() != null ? t.getCause() : t.getMessage());
        }
        READ = read;
        READV = readv;
        WRITE = write;
        WRITEV = writev;
        POLL = poll;
        STATE_SIZE = stateSize;
        ERRNO_OFFSET = errnoOffset;
        MEMORY_SEGMENT = segment;
        OF_ADDRESS = ofAddress;
        REINTERPRET = reinterpret;
        UNAVAILABLE = Optional.ofNullable(unavailable);
        SELECTED = UNAVAILABLE.isEmpty();
    }

    private FfmPacketCalls() {
    }

    /** The downcall handle for {@code name}, its first parameter (the state block) widened to Object. */
    private static MethodHandle handle(Method downcall, Object linker, Method find, Object lookup, String name,
                                       Object descriptor, Object options) throws ReflectiveOperationException {
        Optional<?> symbol = (Optional<?>) find.invoke(lookup, name);
        Object address = symbol.orElseThrow(() -> new IllegalStateException("libc has no " + name));
        MethodHandle h = (MethodHandle) downcall.invoke(linker, address, descriptor, options);
        return h.asType(h.type().changeParameterType(0, Object.class));
    }

    private static boolean wanted() {
        String asked = System.getProperty(PROPERTY, "").trim();
        if (asked.equals("ffm")) {
            return true;
        }
        if (asked.equals("jna")) {
            return false;
        }
        Module module = FfmPacketCalls.class.getModule();
        if (!module.isNamed()) {
            return false; // on the class path the JDK reports native access for every unnamed module alike: ask
        }
        try { // Module.isNativeAccessEnabled(), Java 22+
            return (boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(module);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The binding the packet path uses, for messages and benchmark reports. */
    static String description() {
        return SELECTED ? "FFM (java.lang.foreign)" : "JNA direct mapping" + UNAVAILABLE.map(u -> " (FFM: " + u + ")").orElse("");
    }

    /** A call-state block in {@code memory} (at least {@link #STATE_SIZE} bytes), as the handles want it. */
    static Object stateSegment(Memory memory) {
        try {
            Object raw = OF_ADDRESS.invoke(null, Pointer.nativeValue(memory));
            return REINTERPRET.invoke(raw, STATE_SIZE);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MemorySegment.ofAddress failed", e);
        }
    }

    static long read(Object state, int fd, long buf, long count) {
        try {
            return (long) READ.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw new IllegalStateException("read downcall", t);
        }
    }

    static long readv(Object state, int fd, long iov, int iovcnt) {
        try {
            return (long) READV.invokeExact(state, fd, iov, iovcnt);
        } catch (Throwable t) {
            throw new IllegalStateException("readv downcall", t);
        }
    }

    static long write(Object state, int fd, long buf, long count) {
        try {
            return (long) WRITE.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw new IllegalStateException("write downcall", t);
        }
    }

    static long writev(Object state, int fd, long iov, int iovcnt) {
        try {
            return (long) WRITEV.invokeExact(state, fd, iov, iovcnt);
        } catch (Throwable t) {
            throw new IllegalStateException("writev downcall", t);
        }
    }

    static int poll(Object state, long fds, long nfds, int timeout) {
        try {
            return (int) POLL.invokeExact(state, fds, nfds, timeout);
        } catch (Throwable t) {
            throw new IllegalStateException("poll downcall", t);
        }
    }
}
