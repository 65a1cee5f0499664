package dev.hookgen.generator.cli;

import dev.hookgen.generator.GeneratorVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the generator's version, as Maven built it. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"hookgen " + GeneratorVersion.get()};
    }
}
