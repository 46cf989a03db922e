package dev.tappers.cli;

import dev.tappers.AddressRequest;

import java.util.List;

/** {@code tappers addr add|del NAME PREFIX}. */
final class AddrCommand implements Command {
    @Override
    public String name() {
        return "addr";
    }

    @Override
    public String synopsis() {
        return "addr add|del NAME ADDRESS/PREFIX";
    }

    @Override
    public String summary() {
        return "add or remove an IPv4 or IPv6 address on a TUN, TAP or vETH interface";
    }

    @Override
    public String details() {
        return "ADDRESS/PREFIX is a literal, such as 198.18.0.1/24 or 2001:db8::1/64 (never a host name).\n"
                + "Acts in this process's network namespace. Needs root or CAP_NET_ADMIN. A TUN or TAP that\n"
                + "another program holds cannot be opened (EBUSY): configure it from that program.\n";
    }

    @Override
    public String context(Args args) {
        return args.words().isEmpty() ? name() : name() + " " + Main.oneLine(args.words().get(0));
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        List<String> words = args.words(3, 3, "add|del NAME ADDRESS/PREFIX");
        String action = words.get(0);
        if (!action.equals("add") && !action.equals("del")) {
            throw new UsageException("unknown action '" + action + "': expected add or del");
        }
        AddressRequest request = AddressRequest.parse(words.get(2)); // bad input fails here, before any system call
        try (Devices.Opened opened = Devices.open(words.get(1))) {
            if (action.equals("add")) {
                opened.device.addAddress(request);
            } else {
                opened.device.removeAddress(request.address(), request.prefixLength());
            }
        }
        return ExitCode.OK;
    }
}
