package dev.tappers.cli;

import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.PacketDevice;
import dev.tappers.Tap;
import dev.tappers.Tun;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code tappers capture NAME -w FILE}: opens an existing TUN or TAP by name and writes what it reads as pcapng.
 * Ends after {@code -c} packets, after {@code --duration}, or on Ctrl-C, whichever comes first.
 */
final class CaptureCommand implements Command {
    private static final String WRITE = "-w";
    private static final String COUNT = "-c";
    private static final String DURATION = "--duration";
    private static final Duration MAX_DURATION = Duration.ofDays(1);
    /** How long Ctrl-C waits for the last packet to be written before the JVM goes. */
    private static final long SHUTDOWN_WAIT_MS = 2000;

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String synopsis() {
        return "capture NAME -w FILE|- [-c COUNT] [--duration TIME]";
    }

    @Override
    public String summary() {
        return "write the packets a TUN or TAP device receives from the kernel as pcapng (Wireshark, tshark)";
    }

    @Override
    public String details() {
        return "  -w FILE          the pcapng file to write; - writes to stdout (tappers capture tun0 -w - | tshark -r -)\n"
                + "  -c COUNT         stop after COUNT packets\n"
                + "  --duration TIME  stop after TIME (500ms, 10s, 2m); without -c and --duration, Ctrl-C stops\n\n"
                + "The link type is RAW (bare IPv4/IPv6, LINKTYPE_RAW 101) for a TUN and Ethernet (1) for a TAP;\n"
                + "timestamps in microseconds. Needs root or CAP_NET_ADMIN.\n\n"
                + "How it works, and its limit: capture opens the device by name, the way any program attaches to a\n"
                + "TUN or TAP, and so it becomes the device's reader. It records what the kernel sends into the\n"
                + "device (packets routed to it), and the device has a carrier while capture runs. That works on a\n"
                + "persistent device that no program holds, such as one `tappers create` made. A device that\n"
                + "another program holds cannot be attached a second time (the kernel answers EBUSY), and capture\n"
                + "then fails rather than steal its packets. A summary goes to stderr at the end.\n";
    }

    @Override
    public Set<String> valued() {
        return Set.of(WRITE, COUNT, DURATION);
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        String name = args.words(1, 1, "NAME").get(0);
        String target = args.value(WRITE).orElseThrow(() -> new UsageException("missing -w FILE (or -w - for stdout)"));
        Optional<Integer> count = args.intValue(COUNT, 1, Integer.MAX_VALUE);
        Optional<Duration> duration = args.durationValue(DURATION, MAX_DURATION);

        InterfaceInfo info = Devices.find(name);
        if (info.kind() != InterfaceKind.TUN && info.kind() != InterfaceKind.TAP) {
            throw new CommandException(ExitCode.UNAVAILABLE, name + " is a " + info.kind().toString().toLowerCase()
                    + " interface; capture reads TUN and TAP devices only");
        }
        boolean tun = info.kind() == InterfaceKind.TUN;
        long written;
        try (PacketDevice device = tun ? Tun.open(name) : Tap.open(name);
             OutputStream sink = target.equals("-") ? new Unclosed(terminal.binaryOut)
                     : Files.newOutputStream(Path.of(target));
             OutputStream out = new BufferedOutputStream(sink, 1 << 16)) {
            PcapngWriter writer = new PcapngWriter(out, tun ? PcapngWriter.LINKTYPE_RAW : PcapngWriter.LINKTYPE_ETHERNET,
                    device.maxPacketSize(), name);
            out.flush(); // a reader on a pipe sees the headers at once
            written = capture(device, writer, out, target.equals("-"), count.orElse(Integer.MAX_VALUE), duration);
        }
        terminal.err.println("tappers capture: " + written + " packet(s) from " + name + " written to "
                + (target.equals("-") ? "stdout" : target));
        return ExitCode.OK;
    }

    /**
     * Reads until {@code limit} packets, the duration, or Ctrl-C. The stops close the device, which wakes the
     * blocked receive; nothing is allocated per packet.
     */
    private static long capture(PacketDevice device, PcapngWriter writer, OutputStream out, boolean flushEach,
                                int limit, Optional<Duration> duration) throws IOException, InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread timer = duration.map(d -> startTimer(device, d)).orElse(null);
        Thread onCtrlC = new Thread(() -> {
            closeQuietly(device);
            try {
                finished.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS); // let the last packets reach the file
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "tappers-capture-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        ByteBuffer packet = ByteBuffer.allocate(device.maxPacketSize());
        long startMicros = System.currentTimeMillis() * 1000;
        long startNanos = System.nanoTime();
        long written = 0;
        try {
            while (written < limit) {
                packet.clear();
                int length;
                try {
                    length = device.receive(packet);
                } catch (ClosedChannelException e) {
                    break; // the duration ended, or Ctrl-C (AsynchronousCloseException is a subclass)
                }
                packet.flip();
                writer.writePacket(packet, startMicros + (System.nanoTime() - startNanos) / 1000);
                written++;
                if (flushEach) {
                    out.flush();
                }
            }
            out.flush();
            return written;
        } finally {
            finished.countDown();
            if (timer != null) {
                timer.interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl-C: the hook is running and waits for this loop, which has just ended.
            }
        }
    }

    private static Thread startTimer(PacketDevice device, Duration d) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(d.toMillis());
                closeQuietly(device);
            } catch (InterruptedException e) {
                // the capture ended first
            }
        }, "tappers-capture-timer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(PacketDevice device) {
        try {
            device.close();
        } catch (IOException ignored) {
            // Closing is how the capture is told to stop; a failure here leaves nothing to undo.
        }
    }

    /** Stdout must stay open for whatever the caller writes after the capture. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
