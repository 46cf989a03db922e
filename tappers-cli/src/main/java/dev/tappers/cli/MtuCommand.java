package dev.tappers.cli;

import java.util.List;

/** {@code tappers mtu NAME [N]}: prints the MTU, or sets it. */
final class MtuCommand implements Command {
    @Override
    public String name() {
        return "mtu";
    }

    @Override
    public String synopsis() {
        return "mtu NAME [BYTES]";
    }

    @Override
    public String summary() {
        return "print or set the MTU of a TUN, TAP or vETH interface";
    }

    @Override
    public String details() {
        return "Without BYTES prints the MTU; with it sets it (1-65535, at least 1280 while an IPv6 address is\n"
                + "configured). Setting needs root or CAP_NET_ADMIN.\n";
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        List<String> words = args.words(1, 2, "NAME");
        Integer mtu = words.size() == 2 ? Args.parseInt("mtu", words.get(1), 1, 65535) : null;
        try (Devices.Opened opened = Devices.open(words.get(0))) {
            if (mtu == null) {
                terminal.out.println(opened.device.mtu());
            } else {
                opened.device.setMtu(mtu);
            }
        }
        return ExitCode.OK;
    }
}
