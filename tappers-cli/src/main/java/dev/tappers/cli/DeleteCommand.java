package dev.tappers.cli;

/** {@code tappers delete NAME}: removes a TUN, a TAP or a vETH pair, persistent or not, whoever made it. */
final class DeleteCommand implements Command {
    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String synopsis() {
        return "delete NAME";
    }

    @Override
    public String summary() {
        return "delete a TUN or TAP device, or a vETH pair (both ends)";
    }

    @Override
    public String details() {
        return "Removes the interface NAME of this process's network namespace, persistent or not, whoever\n"
                + "created it. Deleting one end of a vETH pair deletes both. Needs root or CAP_NET_ADMIN.\n"
                + "A TUN or TAP that another program holds cannot be opened (EBUSY): stop that program first.\n";
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        String name = args.words(1, 1, "NAME").get(0);
        try (Devices.Opened opened = Devices.open(name)) {
            opened.device.delete();
        }
        return ExitCode.OK;
    }
}
