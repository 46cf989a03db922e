/**
 * The {@code tappers} command-line tool, written against the API only: the provider is found on the module path
 * at run time.
 */
module dev.tappers.cli {
    requires dev.tappers;
}
