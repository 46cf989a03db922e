/**
 * The README's quick start and main-job demo. Written against the API only: the provider (tappers-linux) is a
 * runtime dependency that discovery finds on the module path.
 */
module dev.tappers.examples {
    requires dev.tappers;
}
